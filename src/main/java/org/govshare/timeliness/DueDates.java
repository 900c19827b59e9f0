package org.govshare.timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.govshare.calendar.WorkdayCalendar;
import org.govshare.catalog.UpdateCycle;

/**
 * When a hosted resource's next version is due and whether it is behind or late on a day (Art. 24). The day of the
 * last version does not count: a DAILY resource pushed on Monday is due by the end of Tuesday and behind on
 * Wednesday; a month, a quarter and a year are calendar ones (pushed 31 January, due 28 February). The grace is
 * counted in working days after the due day, on the official calendar.
 */
class DueDates {

    private final TimelinessProperties.GraceWorkingDays grace;
    private final WorkdayCalendar workdays;
    private final ZoneId zone;

    DueDates(TimelinessProperties.GraceWorkingDays grace, WorkdayCalendar workdays, ZoneId zone) {
        this.grace = grace;
        this.workdays = workdays;
        this.zone = zone;
    }

    /**
     * The day the next version is due after one pushed on {@code last}. REAL_TIME data is pushed as it changes; the
     * platform cannot tell a quiet day from a stalled feed, so it expects a push every day, as for DAILY.
     */
    static LocalDate dueAfter(LocalDate last, UpdateCycle cycle) {
        return switch (cycle) {
            case REAL_TIME, DAILY -> last.plusDays(1);
            case WEEKLY -> last.plusWeeks(1);
            case MONTHLY -> last.plusMonths(1);
            case QUARTERLY -> last.plusMonths(3);
            case YEARLY -> last.plusYears(1);
        };
    }

    /**
     * A hosted resource's freshness on a day.
     *
     * @param lastVersion 0 when nothing was pushed
     * @param lastAt when the last version was pushed, or the resource first published when none was
     */
    Freshness hosted(String code, String provider, UpdateCycle cycle, int lastVersion, Instant lastAt, LocalDate day) {
        LocalDate dueOn = dueAfter(lastAt.atZone(zone).toLocalDate(), cycle);
        LocalDate graceEndsOn = workdays.addWorkingDays(dueOn, grace.of(cycle));
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueOn, day));
        Freshness.State state = daysLate == 0 ? Freshness.State.ON_TIME
                : day.isAfter(graceEndsOn) ? Freshness.State.LATE : Freshness.State.BEHIND;
        return new Freshness(code, provider, "HOSTED_DATASET", cycle.name(), state, lastVersion, lastAt, dueOn,
                graceEndsOn, daysLate, day);
    }
}
