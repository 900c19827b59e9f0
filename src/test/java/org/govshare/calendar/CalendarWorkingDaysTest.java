package org.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govshare.calendar.OfficialCalendars.SHANGHAI;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Working days on the official 2026 schedule (国办发明电〔2025〕7号): the day something happens does not count, and N
 * working days end at 23:59:59 in Asia/Shanghai of the Nth working day after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class CalendarWorkingDaysTest {

    private final WorkdayCalendar calendar = OfficialCalendars.packaged();

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static ZonedDateTime inShanghai(Instant instant) {
        return instant.atZone(SHANGHAI);
    }

    @Test
    void tenWorkingDaysFromTheFridayBeforeTheSpringFestivalCountBothMakeUpSaturdays() {
        // Fri 13 Feb: Sat 14 (worked) is day 1; 15 to 23 Feb are off; Tue 24 to Fri 27 are days 2 to 5; Sat 28
        // (worked) is day 6; Mon 2 to Thu 5 March are days 7 to 10
        ZonedDateTime due = inShanghai(calendar.after(at("2026-02-13T16:30:00"), 10));

        assertThat(due).isEqualTo(ZonedDateTime.of(2026, 3, 5, 23, 59, 59, 0, SHANGHAI));
    }

    @Test
    void aNamedDeadlineCrossesTheSpringFestivalToo() {
        assertThat(inShanghai(calendar.due(Deadline.CATALOG_REVIEW, at("2026-02-13T09:00:00"))).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void nationalDayIsSkippedAndItsMakeUpDaysCount() {
        // Fri 18 Sep: Sun 20 (worked) is day 1, Mon 21 to Thu 24 days 2 to 5; 25 to 27 Sep (Mid-Autumn) are off
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 18), 6)).isEqualTo(LocalDate.of(2026, 9, 28));
        // Wed 30 Sep: 1 to 7 Oct are off; Thu 8 and Fri 9 are days 1 and 2; Sat 10 (worked) is day 3
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayAndAHolidayWeekdayIsNot() {
        LocalDate makeUpSaturday = LocalDate.of(2026, 2, 28);
        LocalDate ordinarySaturday = LocalDate.of(2026, 3, 7);
        LocalDate springFestivalMonday = LocalDate.of(2026, 2, 16);

        assertThat(makeUpSaturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(calendar.isWorkingDay(makeUpSaturday)).isTrue();
        assertThat(calendar.isWorkingDay(ordinarySaturday)).isFalse();
        assertThat(calendar.isWorkingDay(springFestivalMonday)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sun 4 Jan, worked for New Year").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 9))).as("Sat 9 May, worked for Labour Day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 5))).as("Tue 5 May, Labour Day").isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).as("Fri 13 Feb + 1").isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void theReminderBeforeADeadlineSkipsTheHolidayBackToTheMakeUpSaturday() {
        // a deadline at the end of Wed 25 Feb: Tue 24 is one working day before it; 15 to 23 Feb are off, so the
        // second working day before it is Sat 14 Feb, a make-up working day
        Instant deadline = at("2026-02-25T23:59:59");

        assertThat(inShanghai(calendar.before(deadline, 1))).isEqualTo(ZonedDateTime.of(2026, 2, 24, 23, 59, 59, 0, SHANGHAI));
        assertThat(inShanghai(calendar.before(deadline, 2))).isEqualTo(ZonedDateTime.of(2026, 2, 14, 23, 59, 59, 0, SHANGHAI));
    }

    @Test
    void aYearWithoutAScheduleCountsWeekendsOnlyAndSaysSoOnce(CapturedOutput output) {
        // 2031 has no packaged file: 1 January is counted as an ordinary Wednesday
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).as("a Saturday").isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2031, 1, 3), 5)).isEqualTo(LocalDate.of(2031, 1, 10));

        String warning = "no official holiday schedule for 2031: counting weekends only; load it with PUT /api/calendar/2031";
        assertThat(output.getAll()).contains(warning);
        assertThat(output.getAll().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
    }

    @Test
    void aDeadlineEndsAtTheEndOfItsDayInShanghaiWhateverTheTimeItStarted() {
        // 23:30 in Shanghai on Thu 26 Nov 2026 is 15:30 UTC: the day that does not count is Shanghai's
        ZonedDateTime due = inShanghai(calendar.after(at("2026-11-26T23:30:00"), 1));

        assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(due.toLocalTime()).isEqualTo(WorkdayCalendar.END_OF_DAY);
    }
}
