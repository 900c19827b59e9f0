package org.govshare.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the stored chain from the first event and names the first one that does not hold. */
@Service
public class AuditChainVerifier {

    private static final int BATCH = 1000;

    private final AuditEventStore store;

    AuditChainVerifier(AuditEventStore store) {
        this.store = store;
    }

    /**
     * Walks up to the head as it stands when the walk starts; events appended meanwhile are checked next time.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditEventStore.ChainHead head = store.head();
        String expectedPrev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEvent> batch = store.after(0, BATCH);
        while (!batch.isEmpty() && expectedSeq <= head.seq()) {
            for (AuditEvent event : batch) {
                if (event.seq() > head.seq()) {
                    break;
                }
                String problem = problemWith(event, expectedSeq, expectedPrev);
                if (problem != null) {
                    return ChainVerification.broken(checked, event.seq(), event.id(), problem);
                }
                checked++;
                expectedSeq++;
                expectedPrev = event.hash();
            }
            batch = store.after(expectedSeq - 1, BATCH);
        }
        if (head.seq() != expectedSeq - 1 || !head.hash().equals(expectedPrev)) {
            return ChainVerification.broken(checked, head.seq(), null,
                    "the chain head names event " + head.seq() + " but the table ends at event " + (expectedSeq - 1)
                            + ": events were removed from the end");
        }
        return ChainVerification.intact(checked);
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

    /**
     * The result of a walk.
     *
     * @param intact whether every event holds
     * @param eventsChecked how many events were found intact before the first broken one (or in all)
     * @param firstBrokenSeq the sequence number of the first broken event, if any
     * @param firstBrokenId its id
     * @param problem what is wrong with it
     */
    public record ChainVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, String firstBrokenId,
                                    String problem) {

        static ChainVerification intact(long checked) {
            return new ChainVerification(true, checked, null, null, null);
        }

        static ChainVerification broken(long checked, long seq, String id, String problem) {
            return new ChainVerification(false, checked, seq, id, problem);
        }
    }
}
