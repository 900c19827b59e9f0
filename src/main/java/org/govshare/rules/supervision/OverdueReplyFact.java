package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A sharing request its provider did not answer by the reply deadline (Art. 20, 33 iii): still unanswered on the
 * day, or answered after the deadline.
 *
 * @param requestNumber the request, e.g. {@code GX-2026-000123}
 * @param provider the provider department's code, which owed the reply
 * @param applicant the applicant department's code
 * @param resourceCode catalog code of the resource asked for
 * @param dueOn the last day of the reply deadline, in Beijing time
 * @param answeredOn the day it was answered, null while it is not
 * @param daysLate calendar days from the due day to the answer, or to the day counted while unanswered
 * @param evidence the request number and the audit event ids that show the deadline passing
 */
public record OverdueReplyFact(String requestNumber, String provider, String applicant, String resourceCode,
                               LocalDate dueOn, LocalDate answeredOn, long daysLate, List<String> evidence) {

    public OverdueReplyFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Whether the request is still waiting for its reply. */
    public boolean unanswered() {
        return answeredOn == null;
    }
}
