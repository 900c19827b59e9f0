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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.access.GrantedRecipients;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.Api;
import org.govshare.support.PlatformNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregate throughput of two nodes of the packaged jar on one PostgreSQL against one node, in the same run, on
 * the same machine (docs/operations.md): eight clients making audited, masked data reads, and then unconditional
 * sharing requests, all on one node, then spread over both. Run with {@code ./mvnw verify -Pbenchmark}; figures go to
 * {@code target/benchmarks/cluster.json}; nothing is asserted. Both nodes share this machine's cores with PostgreSQL
 * and Elasticsearch, so the figure is what a second node adds where cores are not added with it: the scaling a second
 * machine would bring is not measured here. The nodes run as in production (the whole JIT), and each is warmed up
 * before anything is timed.
 */
class ClusterBenchmark {

    private static final int CLIENTS = 8;
    private static final int READS_PER_CLIENT = 500;
    private static final int READS_WARMING_EACH_NODE = 4000;
    private static final int REQUESTS_PER_CLIENT = 150;
    private static final int REQUESTS_WARMING_EACH_NODE = 800;

    private final List<PlatformNode> nodes = new ArrayList<>();
    private final AtomicInteger published = new AtomicInteger();

    @Test
    void twoNodesAgainstOne() throws Exception {
        PlatformNode.Cluster cluster = new PlatformNode.Cluster("bench_cluster", Map.of(
                "GOVSHARE_ACCESS_RATE_LIMIT", "100000000", "GOVSHARE_RATELIMITS_ENABLED", "false")).asInProduction();
        PlatformNode one = cluster.node("bench-one").start();
        nodes.add(one);
        one.awaitHealthy(Duration.ofSeconds(180));
        GrantedRecipients recipients = GrantedRecipients.published(one.api());
        recipients.grant("scj.yang", List.of("scj.yang"), List.of(), List.of(), List.of());
        String path = recipients.path() + "?purpose=" + URLEncoder.encode(GrantedRecipients.PURPOSE, StandardCharsets.UTF_8);
        Call read = api -> expect(api.get("scj.yang", path), 200, "a read");
        // every request asks for a resource of its own, as in SharingRequestBenchmark: the applicant holds no grant
        // for it, so the rules grant it at once
        int requests = 2 * REQUESTS_WARMING_EACH_NODE + 2 * CLIENTS * REQUESTS_PER_CLIENT;
        Queue<String> bodies = new ConcurrentLinkedQueue<>(publishEach(one.api(), requests));
        Call request = api -> expect(api.post("gaj.zhang", "/api/requests", bodies.remove()), 201, "a request");
        PlatformNode other = cluster.node("bench-two").start();
        nodes.add(other);
        other.awaitHealthy(Duration.ofSeconds(180));
        for (PlatformNode node : nodes) {
            run(List.of(node.api()), read, READS_WARMING_EACH_NODE / CLIENTS);
            run(List.of(node.api()), request, REQUESTS_WARMING_EACH_NODE / CLIENTS);
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores shared by every node, PostgreSQL and"
                + " Elasticsearch");
        figures.put("nodes", "the packaged jar, -Xmx1g, the whole JIT; warmed up by " + READS_WARMING_EACH_NODE
                + " reads and " + REQUESTS_WARMING_EACH_NODE + " requests each");
        figures.put("reads", against(CLIENTS + " clients x " + READS_PER_CLIENT + " audited, masked reads of 3 records",
                run(List.of(one.api()), read, READS_PER_CLIENT),
                run(List.of(one.api(), other.api()), read, READS_PER_CLIENT)));
        figures.put("requests", against(CLIENTS + " clients x " + REQUESTS_PER_CLIENT + " unconditional sharing requests,"
                        + " each for a resource of its own",
                run(List.of(one.api()), request, REQUESTS_PER_CLIENT),
                run(List.of(one.api(), other.api()), request, REQUESTS_PER_CLIENT)));
        Path out = Path.of("target/benchmarks/cluster.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK cluster " + figures);
    }

    private interface Call {
        void on(Api node);
    }

    private static Map<String, Object> against(String workload, Map<String, Object> single, Map<String, Object> pair) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("workload", workload);
        figure.put("oneNode", single);
        figure.put("twoNodes", pair);
        figure.put("rateRatio", (double) pair.get("perSecond") / (double) single.get("perSecond"));
        return figure;
    }

    /** Publishes {@code count} unconditional resources of Civil Affairs; a request body for each. */
    private List<String> publishEach(Api api, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(pool.submit(() -> {
                int n = published.getAndIncrement();
                String code = "203%03d/102%03d".formatted(301 + n / 1000, n % 1000);
                CatalogEntries.publish(api, "mzj.chen", CatalogEntries.withCode(CatalogEntries.organisations(code), code));
                return SharingRequestBodies.organisationsInACase(code);
            }));
        }
        List<String> done = new ArrayList<>();
        for (Future<String> body : bodies) {
            done.add(body.get());
        }
        pool.shutdown();
        return done;
    }

    /** The clients spread evenly over the nodes given, each making {@code calls} calls. */
    private static Map<String, Object> run(List<Api> nodes, Call call, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Api api = nodes.get(c % nodes.size());
            futures.add(pool.submit(() -> {
                long[] nanos = new long[calls];
                for (int i = 0; i < calls; i++) {
                    long t = System.nanoTime();
                    call.on(api);
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
        figure.put("calls", sorted.length);
        figure.put("perSecond", sorted.length / seconds);
        figure.put("p50Millis", sorted[sorted.length / 2] / 1e6);
        figure.put("p99Millis", sorted[(int) (sorted.length * 0.99)] / 1e6);
        return figure;
    }

    private static void expect(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (PlatformNode node : nodes) {
            node.close();
        }
    }
}
