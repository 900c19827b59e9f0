package org.govshare.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Working days for the processes' deadlines, as the bean {@code workdays}: timers and due dates say
 * {@code ${workdays.deadline('catalog-review')}}. Counts Monday to Friday for now; the official holiday calendar
 * (holidays and the weekend days made working days) replaces this in P3. Reads the engine's clock, so a test
 * that moves {@link ClockUtil} moves the deadlines too.
 */
@Component("workdays")
public class WorkdayCalendar {

    private final DeadlineProperties properties;

    WorkdayCalendar(DeadlineProperties properties) {
        this.properties = properties;
    }

    /** The named deadline from now, e.g. {@code catalog-review}. */
    public Date deadline(String name) {
        Integer days = properties.workingDays().get(name);
        if (days == null) {
            throw new IllegalStateException("no deadline '" + name + "' under govshare.deadlines.working-days; known: "
                    + properties.workingDays().keySet());
        }
        return after(days);
    }

    /** The same time of day, the given number of working days from now. */
    public Date after(int workingDays) {
        ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), properties.zone());
        LocalDate day = addWorkingDays(now.toLocalDate(), workingDays);
        return Date.from(now.with(day).toInstant());
    }

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

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
