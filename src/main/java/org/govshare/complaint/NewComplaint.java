package org.govshare.complaint;

import java.time.LocalDate;
import java.util.List;

/**
 * What a department's official lodges: against whom, the Art. 33 act alleged, when it happened, the facts, and the
 * evidence on the platform it rests on (files come beside it).
 *
 * @param violationType the act of Art. 33 alleged, e.g. {@code REFUSED_SHARING}
 * @param cases case numbers, e.g. {@code GX-2026-000123}
 * @param auditEvents ids of audit events
 * @param publicComplainant the citizen or organisation whose complaint the official received and lodges (national
 *                          Art. 37): kind CITIZEN or ORGANISATION, name, contact; null for the department's own
 */
public record NewComplaint(String respondent, String violationType, LocalDate occurredOn, String facts,
                           List<String> cases, List<String> auditEvents, PublicComplainant publicComplainant) {

    /** A department's own complaint. */
    public NewComplaint(String respondent, String violationType, LocalDate occurredOn, String facts, List<String> cases,
                        List<String> auditEvents) {
        this(respondent, violationType, occurredOn, facts, cases, auditEvents, null);
    }

    /** As the official lodging it writes it, unchecked. */
    public record PublicComplainant(String kind, String name, String contact) {
    }

    public NewComplaint {
        cases = cases == null ? List.of() : cases;
        auditEvents = auditEvents == null ? List.of() : auditEvents;
    }
}
