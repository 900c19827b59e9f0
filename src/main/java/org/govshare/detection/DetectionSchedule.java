package org.govshare.detection;

import java.time.ZoneId;

import org.govshare.calendar.Today;
import org.springframework.stereotype.Component;

/**
 * When the daily detection starts, as the cron of its timer start event ({@code ${detectionSchedule.cron()}}): the
 * setting's time of day in Beijing, written in the JVM's zone where Camunda reads it ({@link Today#inZone}).
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
        var local = today.inZone(today.date().atTime(properties.dailyAt()), jvmZone);
        return "0 " + local.getMinute() + " " + local.getHour() + " * * ?";
    }
}
