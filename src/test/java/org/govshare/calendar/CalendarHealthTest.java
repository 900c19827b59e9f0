package org.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The {@code calendar} health component on the schedules in force (the packaged 2025 and 2026), at fixed dates. */
class CalendarHealthTest extends ProcessTest {

    @Autowired
    HolidaySchedules schedules;

    @Autowired
    DeadlineProperties deadlines;

    private Health healthOn(String shanghaiTime) {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Clock clock = Clock.fixed(LocalDateTime.parse(shanghaiTime).atZone(shanghai).toInstant(), ZoneId.of("UTC"));
        return new CalendarHealthIndicator(schedules, deadlines, clock).health();
    }

    @Test
    void inOctoberTheNextYearIsNotYetExpected() {
        Health health = healthOn("2026-10-31T23:59:00");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("currentYear", 2026).containsEntry("scheduleMissing", false)
                .containsEntry("currentYearSchedule", "packaged file calendar/cn-2026.yaml").doesNotContainKey("nextYear");
    }

    @Test
    void fromTheFirstOfNovemberInShanghaiAMissingNextYearIsReportedButThePlatformStaysUp() {
        // 00:30 on 1 November in Shanghai is still 31 October in UTC: the deadlines' zone decides
        Health health = healthOn("2026-11-01T00:30:00");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        Map<String, Object> details = health.getDetails();
        assertThat(details).containsEntry("nextYear", 2027).containsEntry("scheduleMissing", true)
                .containsEntry("nextYearSchedule", "missing");
        assertThat((String) details.get("message")).contains("no official holiday schedule for 2027",
                "PUT /api/calendar/2027");
    }

    @Test
    void aMissingCurrentYearIsReportedAllYear() {
        Health health = healthOn("2031-03-02T10:00:00");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("scheduleMissing", true)
                .containsEntry("missingYears", java.util.List.of(2031));
    }

    @Test
    void theNextYearIsReportedPresentWhenItIs() {
        Health health = healthOn("2025-12-01T09:00:00");

        assertThat(health.getDetails()).containsEntry("nextYear", 2026).containsEntry("scheduleMissing", false)
                .containsEntry("nextYearSchedule", "packaged file calendar/cn-2026.yaml");
    }
}
