package org.govshare.request.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.govshare.calendar.OfficialCalendars;
import org.junit.jupiter.api.Test;

/**
 * The reply deadline around a notice of missing materials, for both values of the pack setting
 * {@code supplement-restarts-clock}, on the official calendar of 2026 (no engine, no Spring). A reply period of 10
 * working days throughout.
 */
class ReplyClockTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final ReplyClock CLOCK = new ReplyClock(OfficialCalendars.packaged());
    private static final int REPLY_DAYS = 10;

    private static Instant at(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, BEIJING).toInstant();
    }

    private static Instant endOf(int month, int day) {
        return ZonedDateTime.of(2026, month, day, 23, 59, 59, 0, BEIJING).toInstant();
    }

    @Test
    void theWorkingDaysLeftAreThoseAfterTheDayOfTheNoticeUpToTheDeadlinesDay() {
        // Thu 5 March to Mon 16 March: 5, 6, 9, 10, 11, 12, 13, 16
        assertThat(CLOCK.workingDaysLeft(at(3, 4, 10), endOf(3, 16))).isEqualTo(8);
        assertThat(CLOCK.workingDaysLeft(at(3, 16, 10), endOf(3, 16))).as("on the deadline's own day").isZero();
        assertThat(CLOCK.workingDaysLeft(at(3, 17, 10), endOf(3, 16))).as("after it").isZero();
        // Labour Day: 30 April, then 1 to 5 May off, then 6, 7, 8, the make-up Saturday 9 May, and 11 May
        assertThat(CLOCK.workingDaysLeft(at(4, 29, 10), endOf(5, 11))).isEqualTo(6);
    }

    @Test
    void restartingTheProviderHasItsWholePeriodAgainFromTheSupplement() {
        int left = CLOCK.workingDaysLeft(at(3, 4, 10), endOf(3, 16));

        assertThat(CLOCK.replyDue(at(3, 10, 10), true, REPLY_DAYS, left)).isEqualTo(endOf(3, 24));
        // while the applicant may supplement (by Wed 11 March), the deadline lies that far beyond it
        assertThat(CLOCK.replyDue(endOf(3, 11), true, REPLY_DAYS, left)).isEqualTo(endOf(3, 25));
    }

    @Test
    void pausingTheProviderHasTheDaysThatWereLeftFromTheSupplement() {
        int left = CLOCK.workingDaysLeft(at(3, 4, 10), endOf(3, 16));

        assertThat(CLOCK.replyDue(at(3, 10, 10), false, REPLY_DAYS, left)).isEqualTo(endOf(3, 20));
        assertThat(CLOCK.replyDue(endOf(3, 11), false, REPLY_DAYS, left)).isEqualTo(endOf(3, 23));
    }

    @Test
    void bothCountOnTheOfficialCalendarAcrossAHoliday() {
        int left = CLOCK.workingDaysLeft(at(4, 29, 10), endOf(5, 11));

        assertThat(CLOCK.replyDue(at(5, 12, 10), false, REPLY_DAYS, left)).isEqualTo(endOf(5, 20));
        assertThat(CLOCK.replyDue(at(5, 12, 10), true, REPLY_DAYS, left)).isEqualTo(endOf(5, 26));
    }

    @Test
    void aNoticeOnTheLastDayLeavesTheSupplementsDayToReply() {
        int left = CLOCK.workingDaysLeft(at(3, 16, 10), endOf(3, 16));

        assertThat(CLOCK.replyDue(at(3, 18, 10), false, REPLY_DAYS, left)).isEqualTo(endOf(3, 18));
    }
}
