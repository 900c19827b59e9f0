package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A grant whose data was due on the platform by a day that has passed (national Art. 22, 39 iv), within the detection's
 * lookback: still waiting for it, or delivered after the day.
 *
 * @param grantId the grant, e.g. {@code SQ-2026-000042}
 * @param provider the provider department owing the data
 * @param consumer the department holding the grant
 * @param resourceCode catalog code of the resource
 * @param dueOn the last day of the delivery deadline
 * @param deliveredOn the day the data arrived, null while it has not
 * @param evidence the grant
 */
public record LateDeliveryFact(String grantId, String provider, String consumer, String resourceCode, LocalDate dueOn,
                               LocalDate deliveredOn, List<String> evidence) {

    public LateDeliveryFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Whether the data had not arrived by the end of its last day. */
    public boolean late() {
        return deliveredOn == null || deliveredOn.isAfter(dueOn);
    }

    /** The day lateness began: the day after the last day, so that it is one violation however long it lasts. */
    public LocalDate lateSince() {
        return dueOn.plusDays(1);
    }
}
