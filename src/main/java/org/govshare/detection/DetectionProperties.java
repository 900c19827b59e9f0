package org.govshare.detection;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily violation detection (Art. 33).
 *
 * @param dailyAt      the time of day, in Beijing, at which the daily run starts; the timer is set in the JVM's own zone
 *                     from it, since Camunda reads cron there
 * @param lookbackDays how many days back a deadline that passed is still looked for: a run that a node outage skipped
 *                     is caught up by the next, and older deadlines are not read again every day
 */
@ConfigurationProperties("govshare.detection")
public record DetectionProperties(@DefaultValue("01:30") LocalTime dailyAt, @DefaultValue("7") int lookbackDays) {
}
