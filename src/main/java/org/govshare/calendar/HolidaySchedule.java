package org.govshare.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govshare.platform.web.InvalidInputException.FieldError;

/**
 * One year of the official working-day calendar, as the State Council General Office's notice on that year's
 * holidays (国务院办公厅关于YYYY年部分节假日安排的通知) sets it: the holidays, and the weekend days declared working
 * days to make up for them (调休). The packaged files {@code calendar/cn-YYYY.yaml} and the body of
 * {@code PUT /api/calendar/{year}} have this shape.
 *
 * @param year the calendar year
 * @param source the notice the dates come from
 * @param holidays the holidays, one per article of the notice
 */
public record HolidaySchedule(Integer year, Source source, List<Holiday> holidays) {

    public HolidaySchedule {
        holidays = holidays == null ? List.of() : holidays;
    }

    /**
     * The notice a schedule is taken from.
     *
     * @param title its title, e.g. 国务院办公厅关于2026年部分节假日安排的通知
     * @param number its document number, e.g. 国办发明电〔2025〕7号
     * @param published the day it was issued
     * @param url where its text is published
     */
    public record Source(String title, String number, LocalDate published, String url) {
    }

    /**
     * One holiday: the days off from {@code from} to {@code to} (both included), and the weekend days worked instead.
     *
     * @param name e.g. 春节 Spring Festival
     * @param from its first day off
     * @param to its last day off; the first when the holiday is one day long
     * @param makeUpWorkingDays Saturdays or Sundays that are working days because of this holiday
     */
    public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkingDays) {

        public Holiday {
            to = to == null ? from : to;
            makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
        }

        boolean covers(LocalDate day) {
            return from != null && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** Whether the day is a day off of one of the holidays. */
    public boolean isHoliday(LocalDate day) {
        return holidays.stream().anyMatch(h -> h.covers(day));
    }

    /** Whether the day is a weekend day that this schedule declares a working day. */
    public boolean isMakeUpWorkingDay(LocalDate day) {
        return holidays.stream().anyMatch(h -> h.makeUpWorkingDays().contains(day));
    }

    /** How many make-up working days the schedule has. */
    public int makeUpWorkingDayCount() {
        return holidays.stream().mapToInt(h -> h.makeUpWorkingDays().size()).sum();
    }

    /**
     * What is wrong with this schedule as the one for {@code year}; empty when nothing is. Each problem names the
     * field (e.g. {@code holidays[1].makeUpWorkingDays[0]}) and the rule it breaks.
     */
    public List<FieldError> problems(int year) {
        List<FieldError> problems = new ArrayList<>();
        if (this.year == null) {
            problems.add(new FieldError("year", "required", "state the year the schedule is for: " + year));
        } else if (this.year != year) {
            problems.add(new FieldError("year", "year-matches-path", "the schedule is for " + this.year
                    + " but is being loaded as the schedule of " + year + "; load it under /api/calendar/" + this.year));
        }
        if (source == null || source.title() == null || source.title().isBlank()) {
            problems.add(new FieldError("source.title", "required",
                    "name the notice the dates come from, e.g. 国务院办公厅关于" + year + "年部分节假日安排的通知"));
        }
        if (holidays.isEmpty()) {
            problems.add(new FieldError("holidays", "required", "list the holidays of the notice"));
        }
        // a date may be a day off or a worked weekend day, never both: which one the notice meant is unknowable
        Map<LocalDate, String> daysOff = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            checkHoliday(year, i, holidays.get(i), daysOff, problems);
        }
        for (int i = 0; i < holidays.size(); i++) {
            List<LocalDate> worked = holidays.get(i).makeUpWorkingDays();
            for (int j = 0; j < worked.size(); j++) {
                checkMakeUpDay(year, "holidays[" + i + "].makeUpWorkingDays[" + j + "]", worked.get(j), daysOff, problems);
            }
        }
        return problems;
    }

    private static void checkHoliday(int year, int index, Holiday holiday, Map<LocalDate, String> daysOff,
                                     List<FieldError> problems) {
        String field = "holidays[" + index + "]";
        if (holiday == null) {
            problems.add(new FieldError(field, "required", "a holiday has a name and dates; remove the empty entry"));
            return;
        }
        if (holiday.name() == null || holiday.name().isBlank()) {
            problems.add(new FieldError(field + ".name", "required", "name the holiday as the notice does, e.g. 春节"));
        }
        if (holiday.from() == null) {
            problems.add(new FieldError(field + ".from", "required", "give the holiday's first day off"));
            return;
        }
        // both ends are checked so that a caller hears of both at once
        boolean inYear = inYear(year, field + ".from", holiday.from(), problems)
                & inYear(year, field + ".to", holiday.to(), problems);
        if (holiday.to().isBefore(holiday.from())) {
            problems.add(new FieldError(field + ".to", "holiday-ends-after-it-starts",
                    "the last day off " + holiday.to() + " is before the first " + holiday.from()));
        } else if (inYear) {
            holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(day -> daysOff.put(day, field));
        }
    }

    private static boolean inYear(int year, String field, LocalDate day, List<FieldError> problems) {
        if (day.getYear() == year) {
            return true;
        }
        problems.add(new FieldError(field, "holiday-in-year", day + " is not in " + year
                + "; a holiday that spans the new year belongs in part to the schedule of each year"));
        return false;
    }

    private static void checkMakeUpDay(int year, String field, LocalDate day, Map<LocalDate, String> daysOff,
                                       List<FieldError> problems) {
        if (day == null) {
            problems.add(new FieldError(field, "required", "give the date of the make-up working day"));
            return;
        }
        if (day.getYear() != year) {
            problems.add(new FieldError(field, "make-up-day-in-year", day + " is not in " + year
                    + "; a make-up working day belongs to the schedule of its own year"));
        }
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            problems.add(new FieldError(field, "make-up-day-on-weekend", day + " is a " + day.getDayOfWeek()
                    + ", a working day anyway; a make-up working day is a Saturday or Sunday the notice declares worked"));
        }
        if (daysOff.containsKey(day)) {
            problems.add(new FieldError(field, "holiday-or-make-up-day", day + " is also a day off of "
                    + daysOff.get(day) + "; a date is either a holiday or a make-up working day"));
        }
    }
}
