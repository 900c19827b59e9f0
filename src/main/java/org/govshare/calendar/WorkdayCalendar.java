package org.govshare.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Working days for every deadline of the platform, as the bean {@code workdays}; processes name their deadlines
 * through {@link Deadlines} ({@code ${deadlines.due('catalog-review', execution)}}). One convention for all: the day something happens does not
 * count, and N working days end at the end (23:59:59, in the configured zone) of the Nth working day after it.
 * Reads the engine's clock, so a test that moves {@link ClockUtil} moves the deadlines too.
 *
 * <p>A working day is a day of the official calendar: Monday to Friday, except the holidays of the State Council's
 * notice for that year, plus the weekend days the notice declares working days (调休). A year without a schedule
 * counts Monday to Friday, and says so once in the log.
 */
@Component("workdays")
public class WorkdayCalendar {

    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private static final Logger log = LoggerFactory.getLogger(WorkdayCalendar.class);

    private final DeadlineProperties properties;
    private final DeadlineFigures figures;
    private final Schedules schedules;
    private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();

    WorkdayCalendar(DeadlineProperties properties, DeadlineFigures figures, Schedules schedules) {
        this.properties = properties;
        this.figures = figures;
        this.schedules = schedules;
    }

    /** The end of the Nth working day after now. */
    public Date after(int workingDays) {
        return Date.from(after(ClockUtil.getCurrentTime().toInstant(), workingDays));
    }

    /** The named deadline counted from a moment: the end of its Nth working day after that moment's day. */
    public Instant due(Deadline deadline, Instant from) {
        return after(from, workingDaysOf(deadline));
    }

    /** The end of the Nth working day after the day of {@code from}. */
    public Instant after(Instant from, int workingDays) {
        return endOf(addWorkingDays(from.atZone(properties.zone()).toLocalDate(), workingDays));
    }

    /**
     * The end of the working day that lies {@code workingDays} working days before a deadline's day, e.g. the moment
     * two working days remain: for a deadline at the end of a Wednesday, the end of the Monday before.
     */
    public Instant before(Instant deadline, int workingDays) {
        LocalDate day = deadline.atZone(properties.zone()).toLocalDate();
        int left = workingDays;
        while (left > 0) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return endOf(day);
    }

    /** How many working days a deadline has (the rule pack's {@code deadlines:}). */
    public int workingDaysOf(Deadline deadline) {
        return workingDaysOf(deadline.key());
    }

    /**
     * The working days of a deadline key of the pack in force, the platform's own or one the pack defines.
     *
     * @throws IllegalStateException when the pack does not define it (a pack's validation finds that first)
     */
    public int workingDaysOf(String key) {
        return figures.workingDays(key).orElseThrow(() -> new IllegalStateException(
                "the rule pack " + figures.source() + " sets no working days for the deadline '" + key + "'"));
    }

    /** A deadline key of the pack in force counted from a moment. */
    public Instant due(String key, Instant from) {
        return after(from, workingDaysOf(key));
    }

    /** The Nth working day after a day (the day itself does not count). */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        LocalDate day = from;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The working days a deadline leaves after the day of {@code now}, as {@link #after} counts them: 0 on the
     * deadline's own day (or after it), N when the deadline ends the Nth working day after today. A paused deadline
     * resumes with them.
     */
    public int workingDaysLeft(Instant now, Instant deadline) {
        LocalDate day = now.atZone(properties.zone()).toLocalDate();
        LocalDate last = deadline.atZone(properties.zone()).toLocalDate();
        int left = 0;
        while (day.isBefore(last)) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left++;
            }
        }
        return left;
    }

    /** Whether the day is a working day of the official calendar (see the class comment). */
    public boolean isWorkingDay(LocalDate day) {
        boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        Optional<HolidaySchedule> schedule = schedules.of(day.getYear());
        if (schedule.isEmpty()) {
            warnOnce(day.getYear());
            return weekday;
        }
        return schedule.get().isMakeUpWorkingDay(day) || weekday && !schedule.get().isHoliday(day);
    }

    private void warnOnce(int year) {
        // deadlines are counted day by day: without the once, one deadline would warn for every day it passes
        if (yearsWarnedAbout.add(year)) {
            log.warn("no official holiday schedule for {}: counting weekends only; load it with PUT /api/calendar/{}",
                    year, year);
        }
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(properties.zone()).toInstant();
    }
}
