package org.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.govshare.calendar.OfficialCalendars.PACKAGED;

import java.time.LocalDate;
import java.util.List;

import org.govshare.calendar.HolidaySchedule.Holiday;
import org.govshare.calendar.HolidaySchedule.Source;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

/** The packaged official schedules as the notices set them, and the rules every schedule must pass. */
class CalendarScheduleTest {

    private static final Source NOTICE = new Source("国务院办公厅关于2035年部分节假日安排的通知", null, null, null);

    private static HolidaySchedule schedule(Holiday... holidays) {
        return new HolidaySchedule(2035, NOTICE, List.of(holidays));
    }

    private static Holiday holiday(String from, String to, String... makeUp) {
        return new Holiday("test", LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
                java.util.Arrays.stream(makeUp).map(LocalDate::parse).toList());
    }

    @Test
    void thePackagedYearsAreThoseWhoseNoticesArePublished() {
        assertThat(PACKAGED).containsOnlyKeys(2025, 2026);
        assertThat(PACKAGED.get(2026).source().number()).isEqualTo("国办发明电〔2025〕7号");
        assertThat(PACKAGED.get(2025).source().number()).isEqualTo("国办发明电〔2024〕12号");
    }

    @Test
    void the2026FileHasEveryDayOffAndMakeUpDayOfItsNotice() {
        HolidaySchedule official = PACKAGED.get(2026);
        List<LocalDate> daysOff = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(official::isHoliday).toList();
        List<LocalDate> makeUp = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(official::isMakeUpWorkingDay).toList();

        // 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7
        assertThat(daysOff).hasSize(33).contains(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 10, 7)).doesNotContain(LocalDate.of(2026, 2, 24), LocalDate.of(2026, 10, 8));
        assertThat(makeUp).extracting(LocalDate::toString).containsExactly("2026-01-04", "2026-02-14", "2026-02-28",
                "2026-05-09", "2026-09-20", "2026-10-10");
    }

    @Test
    void aOneDayHolidayMayLeaveOutItsLastDay() {
        assertThat(schedule(holiday("2035-01-01", null)).isHoliday(LocalDate.of(2035, 1, 1))).isTrue();
        assertThat(PACKAGED.get(2025).isHoliday(LocalDate.of(2025, 1, 2))).isFalse();
    }

    @Test
    void aScheduleForAnotherYearIsRefused() {
        assertThat(schedule(holiday("2035-01-01", null)).problems(2036)).extracting(FieldError::field, FieldError::rule)
                .contains(tuple("year", "year-matches-path"));
    }

    @Test
    void eachRuleNamesItsField() {
        HolidaySchedule broken = new HolidaySchedule(2035, new Source(" ", null, null, null), List.of(
                holiday("2034-12-31", "2035-01-01"),
                holiday("2035-02-10", "2035-02-16", "2035-02-14", "2035-02-17", "2036-01-05")));

        assertThat(broken.problems(2035)).extracting(FieldError::field, FieldError::rule).containsExactlyInAnyOrder(
                tuple("source.title", "required"),
                tuple("holidays[0].from", "holiday-in-year"),
                tuple("holidays[1].makeUpWorkingDays[0]", "make-up-day-on-weekend"),
                tuple("holidays[1].makeUpWorkingDays[0]", "holiday-or-make-up-day"),
                tuple("holidays[1].makeUpWorkingDays[2]", "make-up-day-in-year"));
    }
}
