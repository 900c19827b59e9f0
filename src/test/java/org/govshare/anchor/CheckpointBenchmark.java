package org.govshare.anchor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The time to make one checkpoint (check the stretch of the chain it covers, build the Merkle root, timestamp the
 * statement by RFC 3161, seal it in CMS with ECDSA, store it and audit it, in one transaction), the timestamp and the
 * seal alone, and the time to write it to the file (forced to disk) and the index after the commit. Run with {@code ./mvnw verify -Pbenchmark}; the figures go to
 * {@code target/benchmarks/audit-checkpoint.json}. Nothing here asserts a speed.
 */
class CheckpointBenchmark extends IntegrationTest {

    private static final int ROUNDS = 40;
    /** Below the test profile's every-events, so the background worker leaves the checkpoints to the benchmark. */
    private static final int EVENTS_PER_CHECKPOINT = 100;

    @Autowired
    AuditAnchors anchors;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    CheckpointSeals seals;

    @Autowired
    CheckpointMaker maker;

    @Test
    void makeCheckpoints() throws IOException {
        anchors.checkpointNow();
        seals.stampAndSeal("warm-up".getBytes(), 0);
        double[] make = new double[ROUNDS];
        double[] shipOut = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < EVENTS_PER_CHECKPOINT; i++) {
                auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "benchmark", "checkpoint-" + round + "-" + i)
                        .by(Actor.SYSTEM));
            }
            auditChainer.chainPending();
            long start = System.nanoTime();
            maker.makeIfDue((last, head) -> true).orElseThrow();
            long made = System.nanoTime();
            maker.shipOut();
            make[round] = (made - start) / 1e6;
            shipOut[round] = (System.nanoTime() - made) / 1e6;
        }
        byte[] statement = anchors.checkpointNow().statement();
        double[] stampAndSeal = timed(round -> seals.stampAndSeal(statement, 0));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("takenAt", Instant.now().toString());
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        figures.put("rounds", ROUNDS);
        figures.put("eventsPerCheckpoint", EVENTS_PER_CHECKPOINT);
        figures.put("makeMillisMedian", median(make));
        figures.put("makeMillisMean", mean(make));
        figures.put("timestampAndSealMillisMedian", median(stampAndSeal));
        figures.put("fileAndIndexMillisMedian", median(shipOut));
        Path out = Path.of("target/benchmarks/audit-checkpoint.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
        System.out.println("Audit checkpoint benchmark: " + figures);
    }

    private static double[] timed(IntConsumer work) {
        double[] millis = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            work.accept(round);
            millis[round] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return round(sorted[sorted.length / 2]);
    }

    private static double mean(double[] values) {
        return round(Arrays.stream(values).average().orElse(0));
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }
}
