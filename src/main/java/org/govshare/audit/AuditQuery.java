package org.govshare.audit;

import java.time.Instant;

/**
 * A search of the audit trail; every criterion is optional.
 *
 * @param q words to find in the reason and details
 * @param correlationId the request whose events to find: the {@code correlationId} of any answer or problem
 * @param page zero-based page number (checked with every list's paging rules, see {@code Paging})
 * @param size events per page
 */
public record AuditQuery(String q, String actor, String department, AuditAction action, String objectType,
                         String objectId, Outcome outcome, String correlationId, Instant from, Instant to,
                         Integer page, Integer size) {

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? 50 : size;
    }
}
