package org.govshare.calendar;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of the processes, in working days, and the time zone working days are counted in.
 *
 * @param zone the zone whose calendar days count (Asia/Shanghai)
 * @param workingDays deadline name → working days, e.g. {@code catalog-review: 10}; processes name them in
 *                    {@code ${workdays.deadline('catalog-review')}}
 */
@ConfigurationProperties("govshare.deadlines")
public record DeadlineProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, Map<String, Integer> workingDays) {

    public DeadlineProperties {
        workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
    }
}
