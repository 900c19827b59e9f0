package org.govshare.anchor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.govshare.audit.ChainLink;
import org.govshare.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes a checkpoint in the background once {@code every-events} events were chained since the last one, or
 * {@code every} has passed since it and something happened meanwhile; and writes what the file and the index lack.
 */
@Component
class CheckpointWorker implements SmartLifecycle {

    /**
     * The events a checkpoint records about itself (its CHECKPOINT_MADE and the seal register's SEAL_MADE): they
     * alone do not make the next one due by time, or an idle platform would anchor its own anchoring for ever.
     */
    static final int OWN_EVENTS = 2;

    private static final Logger log = LoggerFactory.getLogger(CheckpointWorker.class);

    private final CheckpointMaker maker;
    private final AnchorProperties properties;
    private final Clock clock;
    private final BackgroundWorker worker = new BackgroundWorker("audit-checkpoints", this::run);
    private volatile Instant started;
    private volatile String lastProblem;

    CheckpointWorker(CheckpointMaker maker, AnchorProperties properties, Clock clock) {
        this.maker = maker;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether a checkpoint is due now; the worker's rule, also what {@link CheckpointMaker} asks under its lock. */
    boolean due(Optional<Checkpoint> last, ChainLink head) {
        long since = head.seq() - last.map(Checkpoint::lastSeq).orElse(0L);
        Instant lastAt = last.map(Checkpoint::at).orElse(started);
        return since >= properties.everyEvents()
                || since > OWN_EVENTS && !clock.instant().isBefore(lastAt.plus(properties.every()));
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            // a broken chain (a conflict), or the database, the TSA or the file away: said once, tried each round;
            // what was made is shipped out even when this round's checkpoint could not be made
            attempt(() -> maker.makeIfDue(this::due).ifPresent(c -> log.info(
                    "Audit checkpoint {} made: events {} to {}, Merkle root {}", c.number(), c.firstSeq(),
                    c.lastSeq(), c.merkleRoot())));
            attempt(maker::shipOut);
            BackgroundWorker.pause(properties.pollInterval());
        }
    }

    private void attempt(Runnable work) {
        try {
            work.run();
            lastProblem = null;
        } catch (RuntimeException e) {
            warnOnce(e.getMessage());
        }
    }

    private void warnOnce(String problem) {
        if (!java.util.Objects.equals(problem, lastProblem)) {
            log.warn("No audit checkpoint made, trying again in {}: {}", properties.pollInterval(), problem);
        }
        lastProblem = problem;
    }

    @Override
    public void start() {
        started = clock.instant();
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }
}
