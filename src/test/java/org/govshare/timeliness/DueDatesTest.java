package org.govshare.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.govshare.calendar.OfficialCalendars;
import org.govshare.catalog.UpdateCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the next version is due, and behind or late, on the packaged official calendars of 2025 and 2026. */
class DueDatesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final TimelinessProperties.GraceWorkingDays grace = new TimelinessProperties.GraceWorkingDays(1, 2, 3, 5, 10, 15);
    private final DueDates dueDates = new DueDates(grace, OfficialCalendars.packaged(), BEIJING);

    @ParameterizedTest(name = "{1} pushed on {0} is due by {2}")
    @CsvSource({
            "2026-12-02, REAL_TIME, 2026-12-03",
            "2026-12-02, DAILY,     2026-12-03",
            "2026-12-02, WEEKLY,    2026-12-09",
            "2026-01-31, MONTHLY,   2026-02-28",
            "2026-03-31, QUARTERLY, 2026-06-30",
            "2025-02-28, YEARLY,    2026-02-28"})
    void eachCycleIsDueOneCycleAfterTheLastVersionsDay(LocalDate pushed, UpdateCycle cycle, LocalDate due) {
        assertThat(DueDates.dueAfter(pushed, cycle)).isEqualTo(due);
        Freshness onTheDueDay = dueDates.hosted("101001/101001", "public-security", cycle, 3, at(pushed, "10:00"), due);
        assertThat(onTheDueDay.state()).isEqualTo(Freshness.State.ON_TIME);
        assertThat(onTheDueDay.daysLate()).isZero();
        Freshness dayAfter = dueDates.hosted("101001/101001", "public-security", cycle, 3, at(pushed, "10:00"), due.plusDays(1));
        assertThat(dayAfter.state()).isEqualTo(Freshness.State.BEHIND);
        assertThat(dayAfter.daysLate()).isEqualTo(1);
    }

    @Test
    void theDayOfAPushIsItsDayInBeijing() {
        // 20:00 UTC on 2 December is 04:00 on 3 December in Beijing
        Freshness freshness = dueDates.hosted("101001/101001", "public-security", UpdateCycle.DAILY, 1,
                Instant.parse("2026-12-02T20:00:00Z"), LocalDate.parse("2026-12-04"));
        assertThat(freshness.dueOn()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(freshness.state()).isEqualTo(Freshness.State.ON_TIME);
    }

    @Test
    void theGraceCountsWorkingDaysSoTheNationalDayHolidayDoesNotCount() {
        // pushed Tuesday 29 September 2026, due Wednesday 30; 1 to 7 October are off: two working days end on Friday 9
        Instant pushed = at(LocalDate.parse("2026-09-29"), "09:00");
        Freshness lastDayOfGrace = dueDates.hosted("101001/101001", "public-security", UpdateCycle.DAILY, 4, pushed,
                LocalDate.parse("2026-10-09"));
        assertThat(lastDayOfGrace.dueOn()).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(lastDayOfGrace.graceEndsOn()).isEqualTo(LocalDate.parse("2026-10-09"));
        assertThat(lastDayOfGrace.state()).isEqualTo(Freshness.State.BEHIND);
        assertThat(lastDayOfGrace.daysLate()).isEqualTo(9);

        Freshness firstLateDay = dueDates.hosted("101001/101001", "public-security", UpdateCycle.DAILY, 4, pushed,
                LocalDate.parse("2026-10-10"));
        assertThat(firstLateDay.state()).isEqualTo(Freshness.State.LATE);
        assertThat(firstLateDay.daysLate()).isEqualTo(10);
        assertThat(firstLateDay.behind()).isTrue();
    }

    @Test
    void aWeekendAfterTheDueDayIsNotGraceButAMakeUpWorkingDayIs() {
        // MONTHLY pushed 31 January 2026: due Saturday 28 February, itself a make-up working day, which does not
        // count (the due day never does); five working days after it: 2 to 6 March
        Freshness freshness = dueDates.hosted("101001/101001", "public-security", UpdateCycle.MONTHLY, 2,
                at(LocalDate.parse("2026-01-31"), "16:00"), LocalDate.parse("2026-03-06"));
        assertThat(freshness.graceEndsOn()).isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(freshness.state()).isEqualTo(Freshness.State.BEHIND);
        assertThat(freshness.daysLate()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0} pushed on {1}: due Monday 7 December 2026, late after {2}")
    @CsvSource({
            "REAL_TIME, 2026-12-06, 2026-12-08",
            "DAILY,     2026-12-06, 2026-12-09",
            "WEEKLY,    2026-11-30, 2026-12-10",
            "MONTHLY,   2026-11-07, 2026-12-14",
            "QUARTERLY, 2026-09-07, 2026-12-21",
            "YEARLY,    2025-12-07, 2026-12-28"})
    void eachCycleHasItsOwnGrace(UpdateCycle cycle, LocalDate pushed, LocalDate graceEnds) {
        Freshness lastDay = dueDates.hosted("101001/101001", "public-security", cycle, 1, at(pushed, "12:00"), graceEnds);
        assertThat(lastDay.dueOn()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(lastDay.graceEndsOn()).isEqualTo(graceEnds);
        assertThat(lastDay.state()).isEqualTo(Freshness.State.BEHIND);
        assertThat(dueDates.hosted("101001/101001", "public-security", cycle, 1, at(pushed, "12:00"), graceEnds.plusDays(1))
                .state()).isEqualTo(Freshness.State.LATE);
    }

    @Test
    void nothingPushedIsDueOneCycleAfterPublication() {
        Freshness freshness = dueDates.hosted("101001/101001", "public-security", UpdateCycle.WEEKLY, 0,
                at(LocalDate.parse("2026-11-02"), "10:00"), LocalDate.parse("2026-11-12"));
        assertThat(freshness.lastVersion()).isZero();
        assertThat(freshness.dueOn()).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(freshness.graceEndsOn()).isEqualTo(LocalDate.parse("2026-11-12"));
        assertThat(freshness.state()).isEqualTo(Freshness.State.BEHIND);
        assertThat(freshness.daysLate()).isEqualTo(3);
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BEIJING).toInstant();
    }
}
