package org.govshare.calendar;

import java.util.Optional;

/** Where {@link WorkdayCalendar} finds the official schedule of a year. */
@FunctionalInterface
interface Schedules {

    /** The schedule in force for the year, if there is one. */
    Optional<HolidaySchedule> of(int year);
}
