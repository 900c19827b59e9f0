package org.govshare.anchor;

import java.util.List;

import org.govshare.audit.ChainLink;
import org.govshare.audit.ChainLinks;
import org.govshare.audit.ChainWitness;
import org.springframework.stereotype.Component;

/**
 * The checkpoints as a witness of the audit chain. Each checkpoint, in order, must hold on its own (its statement in
 * the canonical form and matching its row, its seal and its timestamp verifying), follow the one before (its number,
 * the previous statement's hash, the next event) and still describe the stored chain: the Merkle root of the stored
 * hashes of the events it covers, and the stored hash of its head event, must be the ones it anchored. The first
 * checkpoint that does not hold ends the testimony: everything after the last good one is in doubt.
 */
@Component
class CheckpointWitness implements ChainWitness {

    private static final int BATCH = 100;

    private final CheckpointStore store;
    private final ChainLinks chain;
    private final CheckpointSeals seals;

    CheckpointWitness(CheckpointStore store, ChainLinks chain, CheckpointSeals seals) {
        this.store = store;
        this.chain = chain;
        this.seals = seals;
    }

    @Override
    public Testimony testify(long headSeq) {
        long checked = 0;
        long lastGood = 0;
        long anchoredUpTo = 0;
        String previousHash = CheckpointStatement.NO_PREVIOUS;
        CheckpointSeals.Check sealCheck = seals.check();
        List<Checkpoint> batch = store.after(0, BATCH);
        while (!batch.isEmpty()) {
            for (Checkpoint checkpoint : batch) {
                if (checkpoint.lastSeq() > headSeq) {
                    return new Testimony(checked, lastGood == 0 ? null : lastGood, anchoredUpTo, null, null);
                }
                checked++;
                String problem = problemWith(checkpoint, lastGood + 1, previousHash, anchoredUpTo, sealCheck);
                if (problem != null) {
                    return new Testimony(checked, lastGood == 0 ? null : lastGood, anchoredUpTo, anchoredUpTo + 1,
                            problem);
                }
                lastGood = checkpoint.number();
                anchoredUpTo = checkpoint.lastSeq();
                previousHash = CheckpointMaker.sha256Hex(checkpoint.statement());
            }
            batch = store.after(lastGood, BATCH);
        }
        return new Testimony(checked, lastGood == 0 ? null : lastGood, anchoredUpTo, null, null);
    }

    private String problemWith(Checkpoint checkpoint, long expectedNumber, String previousHash, long previousLastSeq,
                               CheckpointSeals.Check sealCheck) {
        if (checkpoint.number() != expectedNumber) {
            return "checkpoint " + expectedNumber + " is missing: the checkpoints jump to " + checkpoint.number();
        }
        String named = "checkpoint " + checkpoint.number() + ": ";
        CheckpointStatement statement;
        try {
            statement = CheckpointStatement.parse(checkpoint.statement());
        } catch (IllegalArgumentException e) {
            return named + "its statement is not in the canonical form: " + e.getMessage();
        }
        if (!matches(statement, checkpoint)) {
            return named + "its stored columns do not say what its sealed statement says: the row was altered";
        }
        if (statement.previousCheckpoint() != expectedNumber - 1 || !statement.previousHash().equals(previousHash)) {
            return named + "it does not follow the checkpoint before it: the previous statement's hash differs";
        }
        if (statement.firstSeq() != previousLastSeq + 1) {
            return named + "it starts at event " + statement.firstSeq() + ", not at event " + (previousLastSeq + 1)
                    + " right after the checkpoint before it";
        }
        String sealed = sealCheck.problemWith(checkpoint);
        if (sealed != null) {
            return named + sealed;
        }
        return problemWithTheChain(named, statement);
    }

    private String problemWithTheChain(String named, CheckpointStatement statement) {
        List<ChainLink> links = chain.between(statement.firstSeq(), statement.lastSeq());
        String stretch = "events " + statement.firstSeq() + " to " + statement.lastSeq();
        if (links.size() != statement.leafCount()) {
            return named + "it anchored " + statement.leafCount() + " events (" + stretch + ") but " + links.size()
                    + " are stored: events were removed";
        }
        if (!MerkleTree.root(links.stream().map(ChainLink::hash).toList()).equals(statement.merkleRoot())) {
            return named + "the stored hashes of " + stretch + " do not give the Merkle root it anchored: an event"
                    + " among them was changed and the hashes after it recomputed";
        }
        if (!links.get(links.size() - 1).hash().equals(statement.headHash())) {
            return named + "the stored hash of event " + statement.lastSeq() + " is not the head hash it anchored";
        }
        return null;
    }

    private static boolean matches(CheckpointStatement statement, Checkpoint row) {
        return statement.checkpoint() == row.number() && statement.firstSeq() == row.firstSeq()
                && statement.lastSeq() == row.lastSeq() && statement.headHash().equals(row.headHash())
                && statement.merkleRoot().equals(row.merkleRoot()) && statement.at().equals(row.at());
    }
}
