package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * An error report its provider did not verify by the deadline (Art. 21, 24, 33 iii): still open on the day, or closed
 * after the deadline.
 *
 * @param reportNumber the error report, e.g. {@code JC-2026-000007}
 * @param provider the provider department's code, which owed the verification
 * @param reporter the reporting department's code
 * @param resourceCode catalog code of the resource reported
 * @param dueOn the last day of the verification deadline, in Beijing time
 * @param answeredOn the day the report was closed, null while it is open
 * @param daysLate calendar days from the due day to the answer, or to the day counted while open
 * @param evidence the report number and the audit event ids that show the deadline passing
 */
public record OverdueCorrectionFact(String reportNumber, String provider, String reporter, String resourceCode,
                                    LocalDate dueOn, LocalDate answeredOn, long daysLate, List<String> evidence) {

    public OverdueCorrectionFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Whether the report is still waiting for its verification. */
    public boolean unanswered() {
        return answeredOn == null;
    }
}
