package org.govshare.audit;

import java.util.List;
import java.util.function.LongFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the stored chain from the first event and names the first one that does not hold, then asks every
 * {@link ChainWitness} whether the chain still is what it vouched for.
 */
@Service
public class AuditChainVerifier {

    private static final int BATCH = 1000;

    private final AuditEventStore store;
    private final List<ChainWitness> witnesses;

    AuditChainVerifier(AuditEventStore store, List<ChainWitness> witnesses) {
        this.store = store;
        this.witnesses = witnesses;
    }

    /**
     * Walks up to the head as it stands when the walk starts; events appended meanwhile are checked next time.
     * A break the walk finds is named as it is (the walk knows the very event); only when the walk finds none does
     * a witness's disagreement name the first event after its last good checkpoint: someone rewrote the chain from
     * there on, recomputing the hashes, and only a witness can tell.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditEventStore.ChainHead head = store.head();
        Walk walk = walk(0, AuditChain.GENESIS, head.seq());
        if (walk.broken == null && (walk.lastSeq != head.seq() || !head.hash().equals(walk.lastHash))) {
            walk = new Walk(walk.checked, walk.lastHash, ChainVerification.broken(walk.checked, head.seq(), null,
                    "the chain head names event " + head.seq() + " but the table ends at event " + walk.lastSeq
                            + ": events were removed from the end"), walk.lastSeq);
        }
        ChainVerification verification = walk.broken != null ? walk.broken : ChainVerification.intact(walk.checked);
        for (ChainWitness witness : witnesses) {
            verification = verification.heard(witness.testify(head.seq()), this::idOf);
        }
        return verification;
    }

    /**
     * Whether the stored events after {@code afterSeq} up to {@code upToSeq} hold: each there, each linked to the one
     * before (the first to {@code afterHash}), each matching its hash. A witness checks this before vouching for them.
     */
    @Transactional(readOnly = true)
    public ChainVerification verifyStretch(long afterSeq, String afterHash, long upToSeq) {
        Walk walk = walk(afterSeq, afterHash, upToSeq);
        if (walk.broken != null) {
            return walk.broken;
        }
        if (walk.lastSeq != upToSeq) {
            return ChainVerification.broken(walk.checked, walk.lastSeq + 1, null,
                    "the stretch should reach event " + upToSeq + " but the table ends at event " + walk.lastSeq);
        }
        return ChainVerification.intact(walk.checked);
    }

    private Walk walk(long afterSeq, String afterHash, long upToSeq) {
        String expectedPrev = afterHash;
        long expectedSeq = afterSeq + 1;
        long checked = 0;
        List<AuditEvent> batch = store.after(afterSeq, BATCH);
        while (!batch.isEmpty() && expectedSeq <= upToSeq) {
            for (AuditEvent event : batch) {
                if (event.seq() > upToSeq) {
                    break;
                }
                String problem = problemWith(event, expectedSeq, expectedPrev);
                if (problem != null) {
                    return new Walk(checked, expectedPrev,
                            ChainVerification.broken(checked, event.seq(), event.id(), problem), expectedSeq - 1);
                }
                checked++;
                expectedSeq++;
                expectedPrev = event.hash();
            }
            batch = store.after(expectedSeq - 1, BATCH);
        }
        return new Walk(checked, expectedPrev, null, expectedSeq - 1);
    }

    private String idOf(long seq) {
        return store.links(seq, seq).stream().map(ChainLink::eventId).findFirst().orElse(null);
    }

    private static String problemWith(AuditEvent event, long expectedSeq, String expectedPrev) {
        if (event.seq() != expectedSeq) {
            return "event " + expectedSeq + " is missing: the chain jumps to " + event.seq();
        }
        if (!event.prevHash().equals(expectedPrev)) {
            return "its previous-hash does not match the hash of the event before it";
        }
        if (!AuditChain.hash(event.prevHash(), event).equals(event.hash())) {
            return "its stored content does not match its hash: the event was altered";
        }
        return null;
    }

    /** How far a walk got: the events that held, the last one's hash and place, and the first break if any. */
    private record Walk(long checked, String lastHash, ChainVerification broken, long lastSeq) {
    }

    /**
     * The result of a walk, and of what the witnesses said.
     *
     * @param intact whether every event holds and every witness agrees
     * @param eventsChecked how many events were found intact before the first broken one (or in all)
     * @param firstBrokenSeq the sequence number of the first broken event, if any
     * @param firstBrokenId its id
     * @param problem what is wrong with it
     * @param hashChainIntact what the walk of the hash chain alone says, witnesses aside
     * @param checkpointsChecked how many checkpoints the witnesses compared with the chain
     * @param lastGoodCheckpoint the number of the last checkpoint that holds, if any
     * @param anchoredUpTo the last event the good checkpoints vouch for (0 when none)
     */
    public record ChainVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, String firstBrokenId,
                                    String problem, boolean hashChainIntact, long checkpointsChecked,
                                    Long lastGoodCheckpoint, long anchoredUpTo) {

        static ChainVerification intact(long checked) {
            return new ChainVerification(true, checked, null, null, null, true, 0, null, 0);
        }

        static ChainVerification broken(long checked, long seq, String id, String problem) {
            return new ChainVerification(false, checked, seq, id, problem, false, 0, null, 0);
        }

        /** This verification with a witness's testimony added; its disagreement counts only if the walk found none. */
        ChainVerification heard(ChainWitness.Testimony testimony, LongFunction<String> idOf) {
            boolean named = !intact || testimony.agrees();
            return new ChainVerification(intact && testimony.agrees(), eventsChecked,
                    named ? firstBrokenSeq : testimony.firstDoubtfulSeq(),
                    named ? firstBrokenId : idOf.apply(testimony.firstDoubtfulSeq()),
                    named ? problem : testimony.problem(), hashChainIntact,
                    checkpointsChecked + testimony.checkpointsChecked(),
                    testimony.lastGoodCheckpoint() != null ? testimony.lastGoodCheckpoint() : lastGoodCheckpoint,
                    Math.max(anchoredUpTo, testimony.anchoredUpTo()));
        }
    }
}
