package org.govshare.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Now and today as cases see them: the engine's clock (so that a process test that moves it moves every date of
 * the case too) and the calendar day in the deadlines' zone (Asia/Shanghai), in which periods and grants are dated.
 */
@Component
public class Today {

    private final ZoneId zone;

    Today(DeadlineProperties properties) {
        this.zone = properties.zone();
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate date() {
        return now().atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * A day and time of the platform's zone as the same moment in another. Camunda reads a timer's cron in the JVM's
     * zone, so a setting in Beijing time is written in that zone for it: 15 January 01:00 in Zhengzhou is 14 January
     * 17:00 on a JVM in UTC. (Beijing keeps no summer time; a JVM zone that does shifts by its hour twice a year until
     * the next restart. Servers run in UTC or Asia/Shanghai.)
     */
    public ZonedDateTime inZone(LocalDateTime platformTime, ZoneId other) {
        return platformTime.atZone(zone).withZoneSameInstant(other);
    }
}
