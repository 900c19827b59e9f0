package org.govshare.audit;

import java.time.Instant;

/** An audit event as indexed in Elasticsearch; {@code details} is the canonical JSON text, searchable as words. */
public record AuditDocument(long seq, String id, Instant time, String actor, String actorDepartment, String action,
                            String objectType, String objectId, String outcome, String reason, String correlationId,
                            String details, String hash) {

    static AuditDocument of(AuditEvent e) {
        return new AuditDocument(e.seq(), e.id(), e.time(), e.actor(), e.actorDepartment(), e.action().name(),
                e.objectType(), e.objectId(), e.outcome().name(), e.reason(), e.correlationId(), e.details(), e.hash());
    }
}
