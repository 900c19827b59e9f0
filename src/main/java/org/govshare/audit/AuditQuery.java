package org.govshare.audit;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A search of the audit trail; every criterion is optional.
 *
 * @param q words to find in the reason and details
 * @param page zero-based page number
 * @param size events per page, at most 200
 */
public record AuditQuery(String q, String actor, String department, AuditAction action, String objectType,
                         String objectId, Outcome outcome, Instant from, Instant to,
                         @Min(0) @Max(10_000) Integer page, @Min(1) @Max(200) Integer size) {

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? 50 : size;
    }
}
