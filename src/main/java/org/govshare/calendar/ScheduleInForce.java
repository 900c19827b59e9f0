package org.govshare.calendar;

import java.time.Instant;

/**
 * The schedule that decides the working days of a year, and where it came from.
 *
 * @param year the calendar year
 * @param origin a file packaged with the platform, or loaded at run time by the sharing authority
 * @param schedule the holidays and make-up working days
 * @param loadedBy who loaded it (null for a packaged file)
 * @param loadedAt when it was loaded (null for a packaged file)
 */
public record ScheduleInForce(int year, Origin origin, HolidaySchedule schedule, String loadedBy, Instant loadedAt) {

    public enum Origin {
        /** {@code calendar/cn-YYYY.yaml}, packaged with the platform */
        PACKAGED,
        /** loaded with {@code PUT /api/calendar/{year}}; overrides the packaged file of the same year */
        LOADED
    }

    static ScheduleInForce packaged(HolidaySchedule schedule) {
        return new ScheduleInForce(schedule.year(), Origin.PACKAGED, schedule, null, null);
    }
}
