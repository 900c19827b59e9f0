package org.govshare.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.access.GrantedRecipients;
import org.govshare.support.Api;
import org.govshare.support.PlatformNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregate throughput of two nodes of the packaged jar on one PostgreSQL against one node, in the same run, on
 * the same machine (docs/operations.md): eight clients making audited, masked data reads, all on one node, then
 * spread over both. Run with {@code ./mvnw verify -Pbenchmark}; figures go to {@code target/benchmarks/cluster.json};
 * nothing is asserted. Both nodes share this machine's cores with PostgreSQL and Elasticsearch, so the figure is what a
 * second node adds where cores are not added with it: the scaling a second machine would bring is not measured here.
 */
class ClusterBenchmark {

    private static final int CLIENTS = 8;
    private static final int READS_PER_CLIENT = 300;
    private static final int WARM_UP = 300;

    private final List<PlatformNode> nodes = new ArrayList<>();

    @Test
    void twoNodesAgainstOne() throws Exception {
        PlatformNode.Cluster cluster = new PlatformNode.Cluster("bench_cluster", Map.of(
                "GOVSHARE_ACCESS_RATE_LIMIT", "100000000", "GOVSHARE_RATELIMITS_ENABLED", "false"));
        PlatformNode one = cluster.node("bench-one").start();
        nodes.add(one);
        one.awaitHealthy(Duration.ofSeconds(180));
        GrantedRecipients recipients = GrantedRecipients.published(one.api());
        recipients.grant("scj.yang", List.of("scj.yang"), List.of(), List.of(), List.of());
        String read = recipients.path() + "?purpose=" + URLEncoder.encode(GrantedRecipients.PURPOSE, StandardCharsets.UTF_8);
        PlatformNode other = cluster.node("bench-two").start();
        nodes.add(other);
        other.awaitHealthy(Duration.ofSeconds(180));
        for (PlatformNode node : nodes) {
            for (int i = 0; i < WARM_UP; i++) {
                check(node.api(), read);
            }
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores shared by every node, PostgreSQL and"
                + " Elasticsearch");
        figures.put("workload", CLIENTS + " clients x " + READS_PER_CLIENT + " audited, masked reads of 3 records");
        Map<String, Object> single = run(List.of(one.api()), read);
        Map<String, Object> pair = run(List.of(one.api(), other.api()), read);
        figures.put("oneNode", single);
        figures.put("twoNodes", pair);
        figures.put("rateRatio", (double) pair.get("perSecond") / (double) single.get("perSecond"));
        Path out = Path.of("target/benchmarks/cluster.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK cluster " + figures);
    }

    /** The clients spread evenly over the nodes given. */
    private static Map<String, Object> run(List<Api> nodes, String read) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Api api = nodes.get(c % nodes.size());
            futures.add(pool.submit(() -> {
                long[] nanos = new long[READS_PER_CLIENT];
                for (int i = 0; i < READS_PER_CLIENT; i++) {
                    long t = System.nanoTime();
                    check(api, read);
                    nanos[i] = System.nanoTime() - t;
                }
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            Arrays.stream(f.get()).forEach(all::add);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("nodes", nodes.size());
        figure.put("requests", sorted.length);
        figure.put("perSecond", sorted.length / seconds);
        figure.put("p50Millis", sorted[sorted.length / 2] / 1e6);
        figure.put("p99Millis", sorted[(int) (sorted.length * 0.99)] / 1e6);
        return figure;
    }

    private static void check(Api api, String read) {
        int status = api.get("scj.yang", read).status();
        if (status != 200) {
            throw new IllegalStateException("a read answered " + status);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (PlatformNode node : nodes) {
            node.close();
        }
    }
}
