package org.govshare.platform.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.govshare.access.GrantedRecipients;
import org.govshare.support.Api;
import org.govshare.support.AuditIndex;
import org.govshare.support.Eventually;
import org.govshare.support.PlatformNode;
import org.govshare.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Elasticsearch killed under load and started again (docs/operations.md): the local run's node is supervised, so it
 * comes back by itself, logged and shown in health; meanwhile the platform keeps working, degraded, and afterwards
 * its index holds every audit event exactly once, none lost and none twice.
 */
class SearchNodeKilledIT {

    private EmbeddedElasticsearch supervised;
    private PlatformNode node;

    @Test
    void aKilledSearchNodeComesBackByItselfAndTheIndexLosesNothing() throws Exception {
        PlatformNode.Cluster cluster;
        int port = ElasticsearchNode.freePort();
        // a node of its own, from nothing: a run before this one (CI's other passes) left its index there
        Path workDir = Path.of("target/es-outage");
        TestInfrastructure.deleteRecursively(workDir);
        supervised = new EmbeddedElasticsearch(new ElasticsearchProperties(List.of(), null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(30), new ElasticsearchProperties.Embedded(true,
                Path.of("target/elasticsearch/elasticsearch-8.19.21"), workDir, port, "256m")));
        cluster = new PlatformNode.Cluster("es_outage", Map.of(
                "GOVSHARE_ELASTICSEARCH_URIS", "http://127.0.0.1:" + port,
                "GOVSHARE_ACCESS_RATE_LIMIT", "1000000"));
        supervised.start();
        Eventually.within(Duration.ofSeconds(180), "the supervised node is up",
                () -> supervised.health().getStatus().equals(Status.UP));
        node = cluster.node("es-outage").start();
        node.awaitHealthy(Duration.ofSeconds(180));
        Api api = node.api();
        GrantedRecipients recipients = GrantedRecipients.published(api);
        recipients.grant("scj.yang", List.of("scj.yang"), List.of(), List.of(), List.of());
        String read = recipients.path() + "?purpose=" + URLEncoder.encode(GrantedRecipients.PURPOSE, StandardCharsets.UTF_8);

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            load.submit(() -> {
                while (!done.get()) {
                    (api.get("scj.yang", read).status() == 200 ? answered : failed).incrementAndGet();
                    pause();
                }
            });
        }
        Thread.sleep(3_000);
        long killed = System.nanoTime();
        supervised.node().kill();
        Eventually.within(Duration.ofSeconds(20), "the platform says it works without search", () ->
                api.get(null, "/actuator/health").body().contains("DEGRADED"));
        Eventually.within(Duration.ofSeconds(240), "the supervisor started the node again",
                () -> supervised.restarts() == 1 && supervised.health().getStatus().equals(Status.UP));
        Duration back = Duration.ofNanos(System.nanoTime() - killed);
        Thread.sleep(2_000);
        done.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failed.get()).as("reads refused while search was down").isZero();

        JdbcTemplate jdbc = cluster.jdbc();
        Set<String> stored = new HashSet<>(jdbc.queryForList("select id from audit_event", String.class));
        long caughtUpFrom = System.nanoTime();
        Eventually.within(Duration.ofSeconds(120), "the index holds every stored event",
                () -> AuditIndex.ids(supervised.node().httpUri(), cluster.auditIndex()).containsAll(stored));
        // an event's id is its document's id, so the index cannot hold one twice; the count says none came in under
        // another id
        assertThat(AuditIndex.ids(supervised.node().httpUri(), cluster.auditIndex()))
                .hasSize(jdbc.queryForObject("select count(*) from audit_event", Long.class).intValue());
        System.out.printf("search node killed under %d audited reads: up again by itself after %s; the index caught up"
                + " %s later, every event once%n", answered.get(), back, Duration.ofNanos(System.nanoTime() - caughtUpFrom));
    }

    /** A reader's pace: enough events to index, few enough to check one by one. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (supervised != null) {
            supervised.stop();
        }
    }
}
