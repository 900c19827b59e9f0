package org.govshare.supervision;

import java.time.Instant;

/**
 * A violation of the Measures by a department (Art. 33), with the evidence it rests on. Rectification, public
 * criticism and referral follow it through its status.
 *
 * @param id readable case number, e.g. {@code WG-2026-000007}
 * @param department the department that committed it
 * @param evidenceType what the evidence is, e.g. {@code sharing-request}
 * @param evidenceId which one, e.g. the request number
 * @param occurredAt when the act happened (for a delayed reply: when the deadline passed)
 * @param source AUTOMATIC (detected by the platform) or MANUAL (recorded by the authority)
 * @param recordedBy {@code system} or the authority official's login
 */
public record Violation(String id, String department, ViolationType type, String article, String description,
                        String evidenceType, String evidenceId, Instant occurredAt, Instant recordedAt, Source source,
                        String recordedBy, Status status) {

    public enum Source {
        AUTOMATIC,
        MANUAL
    }

    public enum Status {
        /** recorded; no rectification started yet */
        OPEN,
        RECTIFYING,
        RECTIFIED,
        CRITICISED,
        REFERRED
    }
}
