package org.govshare.audit;

import java.time.Instant;

/**
 * One recorded event, as stored in the append-only {@code audit_event} table.
 *
 * @param seq its place in the chain, from 1 without gaps
 * @param details small structured details as canonical JSON (keys sorted)
 * @param prevHash the hash of the event before it (64 zeros for the first)
 * @param hash SHA-256 of {@code prevHash} followed by this event's canonical form
 */
public record AuditEvent(
        long seq,
        String id,
        Instant time,
        String actor,
        String actorDepartment,
        AuditAction action,
        String objectType,
        String objectId,
        Outcome outcome,
        String reason,
        String correlationId,
        String details,
        String prevHash,
        String hash) {

    /** This event at a place in the chain: its sequence number, the hash before it and its own hash. */
    AuditEvent chained(long newSeq, String newPrevHash, String newHash) {
        return new AuditEvent(newSeq, id, time, actor, actorDepartment, action, objectType, objectId, outcome, reason,
                correlationId, details, newPrevHash, newHash);
    }
}
