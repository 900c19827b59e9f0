package org.govshare.anchor;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditChainVerifier;
import org.govshare.audit.AuditChainVerifier.ChainVerification;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.audit.ChainLink;
import org.govshare.audit.ChainLinks;
import org.govshare.platform.web.ConflictException;
import org.govshare.seal.Sealing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes checkpoints. Under the makers' advisory lock (one maker at a time across the cluster) it reads the last
 * checkpoint and the chain head, checks that the events since hold as a chain linked to the last checkpoint's head
 * (a witness does not vouch for a chain that is already broken), builds the Merkle root and the statement, has the
 * statement timestamped and sealed, stores the checkpoint and audits it, in one transaction. After the commit the
 * caller ships it out, to the file and the index ({@link #shipOut()}).
 */
@Component
class CheckpointMaker {

    /** The hash before the first event of the chain. */
    static final String NO_EVENT = "0".repeat(64);

    private final CheckpointStore store;
    private final ChainLinks chain;
    private final AuditChainVerifier verifier;
    private final CheckpointSeals seals;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final AnchorProperties properties;
    private final CheckpointFile file;
    private final CheckpointIndexer indexer;
    private final TransactionTemplate ownTransaction;

    CheckpointMaker(CheckpointStore store, ChainLinks chain, AuditChainVerifier verifier, CheckpointSeals seals,
                    AuditTrail auditTrail, Clock clock, AnchorProperties properties, CheckpointFile file,
                    CheckpointIndexer indexer, PlatformTransactionManager transactions) {
        this.store = store;
        this.chain = chain;
        this.verifier = verifier;
        this.seals = seals;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.properties = properties;
        this.file = file;
        this.indexer = indexer;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether a checkpoint is wanted now, given the last one (if any) and the chain head. */
    interface Due {
        boolean now(Optional<Checkpoint> last, ChainLink head);
    }

    /**
     * Makes one checkpoint over the events chained since the last, if there are any and it is due.
     *
     * @throws ConflictException when those events do not hold as a chain; no checkpoint is made over them
     */
    Optional<Checkpoint> makeIfDue(Due due) {
        // what was committed before this call is chained first, so a checkpoint on demand covers it
        chain.chainedHead();
        Optional<Checkpoint> made = ownTransaction.execute(status -> {
            store.lockForMaking();
            Optional<Checkpoint> last = store.last();
            ChainLink head = chain.head();
            long afterSeq = last.map(Checkpoint::lastSeq).orElse(0L);
            if (head.seq() <= afterSeq || !due.now(last, head)) {
                return Optional.empty();
            }
            return Optional.of(make(last, afterSeq, Math.min(head.seq(), afterSeq + properties.maxEvents())));
        });
        return made == null ? Optional.empty() : made;
    }

    /**
     * Writes what the file and the index lack; the worker calls it every round, so what a failure or another node
     * left out is caught up.
     */
    void shipOut() {
        file.catchUp();
        indexer.catchUp();
    }

    private Checkpoint make(Optional<Checkpoint> last, long afterSeq, long upToSeq) {
        String afterHash = last.map(Checkpoint::headHash).orElse(NO_EVENT);
        ChainVerification stretch = verifier.verifyStretch(afterSeq, afterHash, upToSeq);
        if (!stretch.intact()) {
            throw new ConflictException("chain", "chain-broken", "no checkpoint is made over a broken chain: event "
                    + stretch.firstBrokenSeq() + " does not hold (" + stretch.problem() + "); GET /api/audit/verify"
                    + " names it");
        }
        List<ChainLink> links = chain.between(afterSeq + 1, upToSeq);
        long number = last.map(Checkpoint::number).orElse(0L) + 1;
        CheckpointStatement statement = new CheckpointStatement(number, afterSeq + 1, upToSeq, links.size(),
                links.get(links.size() - 1).hash(), MerkleTree.root(links.stream().map(ChainLink::hash).toList()),
                number - 1, last.map(c -> Sealing.sha256(c.statement())).orElse(CheckpointStatement.NO_PREVIOUS),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        byte[] bytes = statement.bytes();
        CheckpointSeals.Stamped stamped = seals.stampAndSeal(bytes, number);
        Checkpoint checkpoint = new Checkpoint(number, statement.firstSeq(), statement.lastSeq(),
                statement.headHash(), statement.merkleRoot(), statement.at(), bytes, stamped.timestampToken(),
                stamped.seal());
        store.insert(checkpoint, statement, Sealing.sha256(bytes), stamped.registerId());
        auditTrail.record(AuditEntry.ok(AuditAction.CHECKPOINT_MADE, "audit-checkpoint", Long.toString(number))
                .with("firstSeq", statement.firstSeq()).with("lastSeq", statement.lastSeq())
                .with("merkleRoot", statement.merkleRoot()).with("headHash", statement.headHash())
                .with("sealRegisterId", stamped.registerId()));
        return checkpoint;
    }
}
