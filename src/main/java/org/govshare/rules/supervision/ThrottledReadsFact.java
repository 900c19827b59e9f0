package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * The reads under one grant refused on a day for going over the grant's rate limit (Art. 20, 33 v): where bulk
 * copying of shared data shows.
 *
 * @param grantId the grant, e.g. {@code SQ-2026-000042}
 * @param consumer the consumer department holding it
 * @param resourceCode catalog code of the resource it grants
 * @param day the day counted, in Beijing time
 * @param refused reads refused over the limit that day
 * @param evidence the grant
 */
public record ThrottledReadsFact(String grantId, String consumer, String resourceCode, LocalDate day, long refused,
                                 List<String> evidence) {

    public ThrottledReadsFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
