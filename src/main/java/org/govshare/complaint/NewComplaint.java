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
 */
public record NewComplaint(String respondent, String violationType, LocalDate occurredOn, String facts,
                           List<String> cases, List<String> auditEvents) {

    public NewComplaint {
        cases = cases == null ? List.of() : cases;
        auditEvents = auditEvents == null ? List.of() : auditEvents;
    }
}
