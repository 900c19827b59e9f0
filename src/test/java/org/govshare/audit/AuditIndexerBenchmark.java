package org.govshare.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How fast the audit trail appends (PostgreSQL, one thread, one transaction per event) and how fast the indexer
 * ships a backlog to Elasticsearch. Run with {@code ./mvnw verify -Pbenchmark}; the figures go to
 * {@code target/benchmarks/audit-indexer.json}. Nothing here asserts a speed.
 */
class AuditIndexerBenchmark extends IntegrationTest {

    private static final int EVENTS = 20_000;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    AuditIndexer indexer;

    @Autowired
    AuditChainer chainer;

    @Autowired
    AuditProperties properties;

    @Test
    void appendAndIndexABacklog() throws IOException {
        indexer.drain();
        indexer.stop();
        long appendStart = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "benchmark", "event-" + i)
                    .by(Actor.SYSTEM).with("i", i).with("purpose", "indexer benchmark"));
        }
        double appendSeconds = (System.nanoTime() - appendStart) / 1e9;

        long chainStart = System.nanoTime();
        long chained = chainer.chainPending();
        double chainSeconds = (System.nanoTime() - chainStart) / 1e9;

        long indexStart = System.nanoTime();
        long indexed = indexer.drain();
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        indexer.start();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("takenAt", Instant.now().toString());
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        figures.put("events", EVENTS);
        figures.put("appendSeconds", round(appendSeconds));
        figures.put("appendPerSecond", Math.round(EVENTS / appendSeconds));
        figures.put("chained", chained);
        figures.put("chainPerSecond", Math.round(chained / chainSeconds));
        figures.put("indexed", indexed);
        figures.put("indexBatchSize", properties.indexer().batchSize());
        figures.put("indexSeconds", round(indexSeconds));
        figures.put("indexPerSecond", Math.round(indexed / indexSeconds));
        Path out = Path.of("target/benchmarks/audit-indexer.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
        System.out.println("Audit indexer benchmark: " + figures);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
