package org.govshare.detection;

import java.time.LocalDate;
import java.time.ZoneId;

import org.govshare.calendar.Today;
import org.springframework.stereotype.Component;

/**
 * When the daily detection starts, as the cron of its timer start event ({@code ${detectionSchedule.cron()}}).
 * Camunda reads cron in the JVM's zone, the platform's day is Beijing's: the setting is a time of day in Beijing, turned
 * here into the JVM zone's hour and minute (Beijing keeps no summer time; a JVM zone that does shifts by its hour twice
 * a year until the next restart).
 */
@Component("detectionSchedule")
public class DetectionSchedule {

    private final DetectionProperties properties;
    private final Today today;

    DetectionSchedule(DetectionProperties properties, Today today) {
        this.properties = properties;
        this.today = today;
    }

    /** A Quartz-style cron (seconds first) firing daily at the setting's Beijing time, in the JVM's zone. */
    public String cron() {
        return cronIn(ZoneId.systemDefault());
    }

    String cronIn(ZoneId jvmZone) {
        var local = LocalDate.now(today.zone()).atTime(properties.dailyAt()).atZone(today.zone())
                .withZoneSameInstant(jvmZone);
        return "0 " + local.getMinute() + " " + local.getHour() + " * * ?";
    }
}
