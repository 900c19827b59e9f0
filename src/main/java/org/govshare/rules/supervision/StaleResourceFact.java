package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A hosted resource whose data is behind its declared update cycle on the day (Art. 24, 28).
 *
 * @param resourceCode catalog code
 * @param provider the provider department's code
 * @param updateCycle the declared cycle, e.g. {@code MONTHLY}
 * @param lastVersion the number of the last data version, 0 when none was ever pushed
 * @param lastVersionOn the day of the last version (the day of publication when none was pushed)
 * @param dueOn the day the next version was due (last version plus the cycle)
 * @param graceEndsOn the last day of the grace after it, in working days
 * @param daysLate calendar days past {@code dueOn} on the day
 * @param remindedOn the day the provider was reminded, null if not yet
 * @param lateSince the day the lateness began for a violation: the day after the grace ended
 * @param evidence data versions and audit event ids ({@code version:7}, {@code audit:123})
 */
public record StaleResourceFact(String resourceCode, String provider, String updateCycle, long lastVersion,
                                LocalDate lastVersionOn, LocalDate dueOn, LocalDate graceEndsOn, long daysLate,
                                LocalDate remindedOn, LocalDate lateSince, List<String> evidence) {

    public StaleResourceFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Whether the grace after the cycle is over on the day: the provider was reminded and is still behind. */
    public boolean pastGrace(LocalDate day) {
        return day.isAfter(graceEndsOn);
    }
}
