package org.govshare.calendar;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of the processes, in working days, and the time zone working days are counted in.
 *
 * @param zone the zone whose calendar days count (Asia/Shanghai)
 * @param workingDays deadline → working days, e.g. {@code catalog-review: 10}; every {@link Deadline} needs one, and
 *                    a key that names no deadline fails the binding, so both mistakes stop the start
 */
@ConfigurationProperties("govshare.deadlines")
public record DeadlineProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, Map<Deadline, Integer> workingDays) {

    public DeadlineProperties {
        workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
        Map<Deadline, Integer> set = workingDays;
        List<String> unset = Arrays.stream(Deadline.values()).filter(d -> set.get(d) == null || set.get(d) <= 0)
                .map(Deadline::key).toList();
        if (!unset.isEmpty()) {
            throw new IllegalArgumentException("govshare.deadlines.working-days needs a positive number of working days for "
                    + String.join(", ", unset));
        }
    }

    /** The working days of a deadline. */
    public int of(Deadline deadline) {
        return workingDays.get(deadline);
    }
}
