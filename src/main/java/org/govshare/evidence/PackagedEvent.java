package org.govshare.evidence;

import java.time.Instant;

import org.govshare.anchor.MerkleProof;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEvent;
import org.govshare.audit.Outcome;

/**
 * One audit event as a package carries it: every stored field the chain hash covers, its place and hashes, and the
 * Merkle proof that it is among the events a checkpoint anchors.
 */
record PackagedEvent(long seq, String id, Instant time, String actor, String actorDepartment, String action,
                     String objectType, String objectId, String outcome, String reason, String correlationId,
                     String details, String prevHash, String hash, MerkleProof proof) {

    static PackagedEvent of(AuditEvent e, MerkleProof proof) {
        return new PackagedEvent(e.seq(), e.id(), e.time(), e.actor(), e.actorDepartment(), e.action().name(),
                e.objectType(), e.objectId(), e.outcome().name(), e.reason(), e.correlationId(), e.details(),
                e.prevHash(), e.hash(), proof);
    }

    /**
     * The event as the chain hashes it.
     *
     * @throws IllegalArgumentException when the action or outcome is not one this platform knows
     */
    AuditEvent event() {
        return new AuditEvent(seq, id, time, actor, actorDepartment, AuditAction.valueOf(action), objectType, objectId,
                Outcome.valueOf(outcome), reason, correlationId, details, prevHash, hash);
    }

    /** How the verifier's lines name it. */
    String name() {
        return "event " + seq + " (" + action + (objectId == null ? "" : " " + objectId) + ")";
    }
}
