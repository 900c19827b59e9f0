package org.govshare.request.period;

import java.time.Instant;

import org.govshare.calendar.WorkdayCalendar;

/**
 * How the reply deadline runs around a notice of missing materials (national Art. 21, pack setting
 * {@code supplement-restarts-clock}). Restarting, the provider has its whole reply period again from the supplement,
 * as for a request made anew; pausing, it has the working days that were left when it sent the notice. The day of the
 * notice and the day of the supplement do not count, as no day of an event counts on the working-day calendar.
 *
 * <p>While the applicant supplements, the deadline is counted the same way from the supplement deadline, so that
 * the reply cannot fall due (and a delayed reply be recorded) before the applicant has had every day to answer.
 */
record ReplyClock(WorkdayCalendar workdays) {

    /** The working days the provider has once the materials are in: its whole period, or what was left. */
    static int workingDaysAfterSupplement(boolean restarts, int replyWorkingDays, int workingDaysLeft) {
        return restarts ? replyWorkingDays : workingDaysLeft;
    }

    /** The working days the reply deadline leaves at the moment of a notice. */
    int workingDaysLeft(Instant noticeAt, Instant replyDue) {
        return workdays.workingDaysLeft(noticeAt, replyDue);
    }

    /**
     * The reply deadline counted from a moment: the supplement, or the supplement deadline while the applicant still
     * may supplement.
     */
    Instant replyDue(Instant from, boolean restarts, int replyWorkingDays, int workingDaysLeft) {
        return workdays.after(from, workingDaysAfterSupplement(restarts, replyWorkingDays, workingDaysLeft));
    }
}
