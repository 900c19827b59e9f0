package org.govshare.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A violation of the Measures by a department (Art. 33), with the evidence it rests on. Rectification, public
 * criticism and referral follow it through its status.
 *
 * @param id readable case number, e.g. {@code WG-2026-000007}
 * @param department the department that committed it
 * @param evidenceType what the evidence is, e.g. {@code sharing-request}
 * @param evidenceId which one, e.g. the request number
 * @param occurredAt when the act happened (for a delayed reply: when the deadline passed)
 * @param source AUTOMATIC (detected by the platform), MANUAL (recorded by the authority) or COMPLAINT (a complaint
 *               found substantiated)
 * @param recordedBy {@code system} or the authority official's login
 * @param subject what the act is about: a case number, a resource code, a grant; with the department, type and day it
 *                identifies the violation, so that it is recorded once however often it is found
 * @param occurredOn the day the act happened in Beijing time; for a continuing act (data left stale), the day it began
 * @param rule the rule that found it, a sentence, or {@code null} when a person recorded it
 * @param evidence what it rests on: case numbers, audit event ids, data versions ({@code audit:123},
 *                 {@code SQ-2026-000042}, {@code version:7})
 * @param decidedBy who confirmed or dismissed a suspected violation, {@code null} before
 * @param decisionReason why it was confirmed or dismissed
 */
public record Violation(String id, String department, ViolationType type, String article, String description,
                        String evidenceType, String evidenceId, Instant occurredAt, Instant recordedAt, Source source,
                        String recordedBy, Status status, String subject, LocalDate occurredOn, String rule,
                        List<String> evidence, String decidedBy, String decisionReason) {

    public Violation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public enum Source {
        AUTOMATIC,
        MANUAL,
        COMPLAINT
    }

    public enum Status {
        /** found by a rule from figures, not facts: the authority confirms (OPEN) or dismisses it */
        SUSPECTED,
        /** a suspicion the authority dismissed, with reasons */
        DISMISSED,
        /** recorded; no rectification started yet */
        OPEN,
        RECTIFYING,
        RECTIFIED,
        CRITICISED,
        REFERRED
    }
}
