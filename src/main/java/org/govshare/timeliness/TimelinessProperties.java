package org.govshare.timeliness;

import org.govshare.catalog.UpdateCycle;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeliness of shared data (Art. 24, 28); see docs/timeliness.md.
 *
 * @param graceWorkingDays working days a hosted resource may stay behind its update cycle before it is late
 * @param availability when a provider's service counts as unavailable on a day
 */
@ConfigurationProperties("govshare.timeliness")
public record TimelinessProperties(@DefaultValue GraceWorkingDays graceWorkingDays,
                                   @DefaultValue Availability availability) {

    /**
     * The grace after the day the next version was due, per declared update cycle.
     *
     * @param realTime grace of a REAL_TIME resource (due a push every day)
     * @param daily grace of a DAILY resource
     * @param weekly grace of a WEEKLY resource
     * @param monthly grace of a MONTHLY resource
     * @param quarterly grace of a QUARTERLY resource
     * @param yearly grace of a YEARLY resource
     */
    public record GraceWorkingDays(@DefaultValue("1") int realTime, @DefaultValue("2") int daily,
                                   @DefaultValue("3") int weekly, @DefaultValue("5") int monthly,
                                   @DefaultValue("10") int quarterly, @DefaultValue("15") int yearly) {

        public int of(UpdateCycle cycle) {
            return switch (cycle) {
                case REAL_TIME -> realTime;
                case DAILY -> daily;
                case WEEKLY -> weekly;
                case MONTHLY -> monthly;
                case QUARTERLY -> quarterly;
                case YEARLY -> yearly;
            };
        }
    }

    /**
     * A provider's service is unavailable on a day when at least {@code minimumCalls} calls were made and more than
     * {@code failureThreshold} of them failed.
     *
     * @param failureThreshold the share of failed calls (0 to 1) past which the day counts as unavailable
     * @param minimumCalls the fewest calls a day needs to be judged at all; a quieter day neither starts nor ends a run
     * @param graceWorkingDays working days after the first unavailable day of a run before the run is a finding
     * @param lookbackDays how many days back the first unavailable day of a run is looked for
     */
    public record Availability(@DefaultValue("0.2") double failureThreshold, @DefaultValue("5") int minimumCalls,
                               @DefaultValue("2") int graceWorkingDays, @DefaultValue("31") int lookbackDays) {
    }
}
