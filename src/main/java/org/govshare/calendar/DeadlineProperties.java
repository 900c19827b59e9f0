package org.govshare.calendar;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time zone working days are counted in. How many working days each deadline has is the rule pack's
 * ({@code deadlines:} in its {@code pack.yaml}), not a setting.
 *
 * @param zone the zone whose calendar days count (Asia/Shanghai)
 */
@ConfigurationProperties("govshare.deadlines")
public record DeadlineProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
