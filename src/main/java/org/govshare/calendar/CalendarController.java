package org.govshare.calendar;

import java.time.Instant;

import org.govshare.identity.Official;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official working-day calendar: the schedule in force for a year (any official), and the loading of a year's
 * schedule by the sharing authority, as YAML (the format of {@code calendar/cn-YYYY.yaml}) or the same shape as JSON.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final HolidaySchedules schedules;

    CalendarController(HolidaySchedules schedules) {
        this.schedules = schedules;
    }

    /**
     * A year of the calendar as officials see it.
     *
     * @param year the calendar year
     * @param inForce {@code PACKAGED}, {@code LOADED} or {@code NONE}
     * @param schedule the holidays and make-up working days; null when there is none
     * @param loadedBy who loaded it, when loaded
     * @param loadedAt when it was loaded, when loaded
     * @param message how deadlines in the year are counted
     */
    record CalendarYear(int year, String inForce, HolidaySchedule schedule, String loadedBy, Instant loadedAt,
                        String message) {

        static CalendarYear of(ScheduleInForce s) {
            String message = switch (s.origin()) {
                case PACKAGED -> "the schedule packaged with the platform (calendar/cn-" + s.year() + ".yaml)";
                case LOADED -> "loaded by " + s.loadedBy() + "; it overrides any packaged file of " + s.year();
            };
            return new CalendarYear(s.year(), s.origin().name(), s.schedule(), s.loadedBy(), s.loadedAt(), message);
        }

        static CalendarYear none(int year) {
            return new CalendarYear(year, "NONE", null, null, null, "no official holiday schedule for " + year
                    + ": deadlines count weekends only; the sharing authority loads it with PUT /api/calendar/" + year);
        }
    }

    @GetMapping("/{year}")
    CalendarYear year(@PathVariable int year) {
        return schedules.inForce(year).map(CalendarYear::of).orElseGet(() -> CalendarYear.none(year));
    }

    @PutMapping(path = "/{year}", consumes = {"application/yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE})
    CalendarYear load(@PathVariable int year, @RequestBody HolidaySchedule schedule, @AuthenticationPrincipal Official me) {
        return CalendarYear.of(schedules.load(me, year, schedule));
    }
}
