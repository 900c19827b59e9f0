package org.govshare.anchor;

import java.util.List;
import java.util.Optional;

import org.govshare.audit.ChainLink;
import org.govshare.audit.ChainLinks;
import org.govshare.platform.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit chain's checkpoints as other features use them: a checkpoint by number or by an event it covers, the
 * Merkle proof that an event is among those a checkpoint anchors, and a checkpoint made now. Events chained after
 * the last checkpoint have no proof until the next one; {@link #checkpointNow()} makes it, so that an evidence package
 * can be complete.
 */
@Service
public class AuditAnchors {

    private final CheckpointStore store;
    private final ChainLinks chain;
    private final CheckpointMaker maker;

    AuditAnchors(CheckpointStore store, ChainLinks chain, CheckpointMaker maker) {
        this.store = store;
        this.chain = chain;
        this.maker = maker;
    }

    /** The proof that event {@code seq} is among those its checkpoint anchors; empty when none covers it yet. */
    @Transactional(readOnly = true)
    public Optional<MerkleProof> proofOf(long seq) {
        return store.covering(seq).map(checkpoint -> {
            List<String> hashes = chain.between(checkpoint.firstSeq(), checkpoint.lastSeq()).stream()
                    .map(ChainLink::hash).toList();
            int index = Math.toIntExact(seq - checkpoint.firstSeq());
            if (hashes.size() != checkpoint.leafCount()) {
                throw new ConflictException("seq", "chain-broken", "events anchored by checkpoint "
                        + checkpoint.number() + " are missing; GET /api/audit/verify names the first");
            }
            return new MerkleProof(seq, hashes.get(index), index, hashes.size(),
                    MerkleTree.proof(hashes, index), checkpoint.number());
        });
    }

    /** Checkpoint {@code number}, if it was made. */
    @Transactional(readOnly = true)
    public Optional<Checkpoint> checkpoint(long number) {
        return store.find(number);
    }

    /** The checkpoint that covers event {@code seq}, if one was made since it was chained. */
    @Transactional(readOnly = true)
    public Optional<Checkpoint> covering(long seq) {
        return store.covering(seq);
    }

    /** The newest checkpoints first. */
    @Transactional(readOnly = true)
    public List<Checkpoint> newestFirst(int offset, int limit) {
        return store.newestFirst(offset, limit);
    }

    /**
     * A checkpoint covering every event committed before this call: made now (several, when more events wait than
     * one covers), or the last one when no event was chained since.
     *
     * @throws ConflictException when the events since the last checkpoint do not hold as a chain, or there is none
     */
    public Checkpoint checkpointNow() {
        long head = chain.chainedHead().seq();
        if (head == 0) {
            throw new ConflictException("chain", "empty", "the audit chain has no event to anchor yet");
        }
        Optional<Checkpoint> last = store.last();
        // each round makes one (or finds one another node made meanwhile), so the gap to the head only shrinks
        while (last.isEmpty() || last.get().lastSeq() < head) {
            maker.makeIfDue((previous, now) -> true);
            last = store.last();
        }
        maker.shipOut();
        return last.get();
    }
}
