package org.govshare.anchor;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.govshare.audit.ChainLink;
import org.govshare.audit.ChainLinks;
import org.govshare.audit.ChainWitness;
import org.govshare.seal.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(CheckpointWitness.class);
    private static final int BATCH = 100;

    private final CheckpointStore store;
    private final ChainLinks chain;
    private final CheckpointSeals seals;
    private final CheckpointFile file;

    CheckpointWitness(CheckpointStore store, ChainLinks chain, CheckpointSeals seals, CheckpointFile file) {
        this.store = store;
        this.chain = chain;
        this.seals = seals;
        this.file = file;
    }

    @Override
    public Testimony testify(long headSeq) {
        long checked = 0;
        long lastGood = 0;
        long anchoredUpTo = 0;
        String previousHash = CheckpointStatement.NO_PREVIOUS;
        CheckpointSeals.Check sealCheck = seals.check();
        String problem = null;
        List<Checkpoint> batch = store.after(0, BATCH);
        walk:
        while (!batch.isEmpty()) {
            for (Checkpoint checkpoint : batch) {
                if (checkpoint.lastSeq() > headSeq) {
                    // made after this walk began, or over events that are gone: the head never moves back, so a
                    // checkpoint beyond the head as it is now means events were removed from the end
                    long headNow = chain.head().seq();
                    if (checkpoint.lastSeq() > headNow) {
                        checked++;
                        problem = "checkpoint " + checkpoint.number() + " anchors events up to " + checkpoint.lastSeq()
                                + " but the chain now ends at event " + headNow
                                + ": events were removed from the end and the chain head moved back";
                    }
                    break walk;
                }
                checked++;
                problem = problemWith(checkpoint, lastGood + 1, previousHash, anchoredUpTo, sealCheck);
                if (problem != null) {
                    break walk;
                }
                lastGood = checkpoint.number();
                anchoredUpTo = checkpoint.lastSeq();
                previousHash = Sealing.sha256(checkpoint.statement());
            }
            batch = store.after(lastGood, BATCH);
        }
        if (problem == null) {
            problem = newestOfTheFileMissing();
        }
        return new Testimony(checked, lastGood == 0 ? null : lastGood, anchoredUpTo,
                problem == null ? null : anchoredUpTo + 1, problem);
    }

    /**
     * The database's checkpoints vouch for each other back to the first, but not for the newest being there: someone
     * who deletes the last few (and may then rewrite the events they covered) leaves a chain of checkpoints that
     * holds. The file, written apart from the database, still has them. Reading its last line is enough: the file
     * never runs ahead of the database, so its newest checkpoint must be in the database, byte for byte.
     */
    private String newestOfTheFileMissing() {
        Optional<Checkpoint> newest;
        try {
            newest = file.newest();
        } catch (IOException | RuntimeException e) {
            log.warn("The checkpoint file {} could not be read to check the newest checkpoint: {}", file.path(),
                    e.getMessage());
            return null;
        }
        if (newest.isEmpty()) {
            return null;
        }
        Checkpoint inFile = newest.get();
        boolean same = store.find(inFile.number()).map(c -> Arrays.equals(c.statement(), inFile.statement()))
                .orElse(false);
        return same ? null : "checkpoint " + inFile.number() + " of the checkpoint file " + file.path().getFileName()
                + " is not in the database as the file has it: checkpoints were removed or replaced";
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
