package org.govshare.detection;

import java.time.Instant;

import org.govshare.cases.Case;

/**
 * The sharing authority's review of a SUSPECTED violation: a case keyed by the violation it reviews.
 *
 * @param id the violation, e.g. {@code WG-2026-000031}
 * @param department the department the violation is suspected of
 */
public record SuspectedReview(String id, String department, String processInstanceId, Status status, Instant openedAt,
                              Instant closedAt) implements Case {

    public enum Status {
        AWAITING_DECISION,
        CONFIRMED,
        DISMISSED
    }
}
