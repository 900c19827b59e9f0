package org.govshare.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The official calendar in {@code /actuator/health} (component {@code calendar}). The State Council publishes the
 * next year's holidays in the autumn, so from 1 November a missing schedule of the next year is reported, and a
 * missing schedule of the current year always. Deadlines are still counted without one (weekends only), so the
 * indicator stays UP, as the audit indexer's does with a backlog, and puts the warning in its details.
 */
@Component("calendarHealthIndicator")
class CalendarHealthIndicator extends AbstractHealthIndicator {

    private final HolidaySchedules schedules;
    private final DeadlineProperties deadlines;
    private final Clock clock;

    CalendarHealthIndicator(HolidaySchedules schedules, DeadlineProperties deadlines, Clock clock) {
        this.schedules = schedules;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        LocalDate today = LocalDate.now(clock.withZone(deadlines.zone()));
        int year = today.getYear();
        builder.up().withDetail("currentYear", year).withDetail("currentYearSchedule", describe(year));
        List<Integer> missing = new ArrayList<>();
        if (schedules.inForce(year).isEmpty()) {
            missing.add(year);
        }
        if (today.getMonth().compareTo(Month.NOVEMBER) >= 0) {
            builder.withDetail("nextYear", year + 1).withDetail("nextYearSchedule", describe(year + 1));
            if (schedules.inForce(year + 1).isEmpty()) {
                missing.add(year + 1);
            }
        }
        builder.withDetail("scheduleMissing", !missing.isEmpty());
        if (!missing.isEmpty()) {
            builder.withDetail("missingYears", missing).withDetail("message", missing.stream()
                    .map(y -> "no official holiday schedule for " + y + ": deadlines in " + y
                            + " count weekends only; load it with PUT /api/calendar/" + y)
                    .reduce((a, b) -> a + "; " + b).orElseThrow());
        }
    }

    private String describe(int year) {
        return schedules.inForce(year).map(s -> switch (s.origin()) {
            case PACKAGED -> "packaged file calendar/cn-" + year + ".yaml";
            case LOADED -> "loaded by " + s.loadedBy() + " at " + s.loadedAt();
        }).orElse("missing");
    }
}
