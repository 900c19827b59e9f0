package org.govshare.evidence;

import java.util.List;
import java.util.Map;

import org.govshare.anchor.CheckpointStatement;
import org.govshare.anchor.MerkleProof;
import org.govshare.anchor.MerkleTree;
import org.govshare.audit.AuditChain;

/**
 * The audit events of a package, checked as the platform would: each event's hash recomputed from its fields, each
 * linked to the event before it where the package holds both, and each proved by its Merkle path to be among the
 * events its checkpoint anchors. Pure: the roots come from checkpoint statements the caller has read.
 */
final class EventChecks {

    private EventChecks() {
    }

    /**
     * @param roots what each checkpoint the package carries says it anchors, by number (its statement, read)
     */
    static void check(List<PackagedEvent> events, Map<Long, CheckpointStatement> roots, Verification result) {
        PackagedEvent before = null;
        for (int i = 0; i < events.size(); i++) {
            PackagedEvent event = events.get(i);
            if (event == null) {
                result.fails(PackageLayout.EVENTS + ": entry " + (i + 1) + " is null, not an audit event");
                continue;
            }
            PackagedEvent previous = before;
            result.guarded(PackageLayout.EVENTS + ": " + event.name(), () -> {
                hash(event, result);
                link(previous, event, result);
                proof(event, roots, result);
            });
            before = event;
        }
    }

    private static void link(PackagedEvent before, PackagedEvent event, Verification result) {
        if (before != null && event.seq() == before.seq() + 1) {
            result.check(event.prevHash() != null && event.prevHash().equals(before.hash()),
                    event.name() + ": follows event " + before.seq() + " in the chain",
                    event.name() + ": its previous hash is not the hash of event " + before.seq() + " before it");
        } else if (before != null && event.seq() <= before.seq()) {
            result.fails(event.name() + ": listed after event " + before.seq() + ", out of chain order");
        }
    }

    private static void hash(PackagedEvent event, Verification result) {
        if (event.prevHash() == null || event.hash() == null) {
            result.fails(event.name() + ": its " + (event.prevHash() == null ? "prevHash" : "hash")
                    + " is missing (null), so its hash cannot be recomputed");
            return;
        }
        String recomputed;
        try {
            recomputed = AuditChain.hash(event.prevHash(), event.event());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            result.fails(event.name() + ": cannot be read as an audit event (" + unknown.getMessage() + ")");
            return;
        }
        result.check(recomputed.equals(event.hash()), event.name() + ": its hash recomputed from its fields matches",
                event.name() + ": its fields do not give its hash: the event was changed after it was chained");
    }

    private static void proof(PackagedEvent event, Map<Long, CheckpointStatement> roots, Verification result) {
        MerkleProof proof = event.proof();
        if (proof == null) {
            result.fails(event.name() + ": carries no Merkle proof to a checkpoint");
            return;
        }
        CheckpointStatement root = roots.get(proof.checkpoint());
        if (root == null) {
            result.fails(event.name() + ": its proof leads to checkpoint " + proof.checkpoint()
                    + ", which the package does not carry (or whose statement cannot be read)");
            return;
        }
        String where = "checkpoint " + proof.checkpoint();
        if (proof.seq() != event.seq() || event.hash() == null || !event.hash().equals(proof.eventHash())) {
            result.fails(event.name() + ": its proof is about another event (" + proof.seq() + ")");
        } else if (proof.leafIndex() != event.seq() - root.firstSeq() || proof.leafCount() != root.leafCount()) {
            result.fails(event.name() + ": its proof places it where " + where + " (events " + root.firstSeq() + " to "
                    + root.lastSeq() + ") does not");
        } else {
            result.check(MerkleTree.verify(proof, root.merkleRoot()),
                    event.name() + ": anchored by " + where + " (its Merkle path leads to the checkpoint's root)",
                    event.name() + ": its Merkle path does not lead to the root of " + where);
        }
    }
}
