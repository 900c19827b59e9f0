package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A department named in a collection consultation (Art. 9) that did not answer who collects the information by the
 * consultation's deadline: still silent on the day, or answered after it.
 *
 * @param consultationNumber the consultation, e.g. {@code ZX-2026-000003}
 * @param department the consulted department's code, which owed the answer
 * @param demandingDepartment the department that needs the information
 * @param dueOn the last day to answer, in Beijing time
 * @param answeredOn the day it answered, null while it has not
 * @param daysLate calendar days from the due day to the answer, or to the day counted while silent
 * @param evidence the consultation number and the audit event ids that show the deadline passing
 */
public record UnansweredConsultationFact(String consultationNumber, String department, String demandingDepartment,
                                         LocalDate dueOn, LocalDate answeredOn, long daysLate, List<String> evidence) {

    public UnansweredConsultationFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean unanswered() {
        return answeredOn == null;
    }
}
