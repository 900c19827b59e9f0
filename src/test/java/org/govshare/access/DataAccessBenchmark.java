package org.govshare.access;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.audit.AuditChainer;
import org.govshare.audit.AuditIndexer;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.FormatCategory;
import org.govshare.catalog.ItemKind;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.catalog.SharingMethod;
import org.govshare.vocabulary.SharingType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.DataSlice;
import org.govshare.dataset.HostedDatasets;
import org.govshare.support.Api.Response;
import org.govshare.support.FlightRecording;
import org.govshare.support.Alternation;
import org.govshare.support.AppCpus;
import org.govshare.support.IntegrationTest;
import org.govshare.support.JitWarmUp;
import org.govshare.support.Settle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the checks cost: data access with grant check, masking and audit against the same query on the same table
 * with none of it (a benchmark-only endpoint reading through the same {@link HostedDatasets#read}, behind the same
 * HTTP and authentication), in the same run, at 1 and 100 records, with 1 and 8 concurrent clients. Run with
 * {@code ./mvnw verify -Pbenchmark}; figures go to {@code target/benchmarks/data-access.json}, and each measured
 * one-client section's flight recording (a separate pass) and where its time went to {@code target/benchmarks/read-*};
 * nothing is asserted.
 */
// the audit checkpoints and indexing as often as in production, not every 200 events and every 100 ms as the test
// profile makes them
@TestPropertySource(properties = {"govshare.access.rate-limit=100000000",
        "govshare.rate-limits.families.data.limit=100000000", "govshare.rate-limits.families.default.limit=100000000",
        "govshare.anchor.every-events=1000", "govshare.audit.indexer.poll-interval=500ms"})
class DataAccessBenchmark extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final int RECORDS = 1_000;
    // blocks of 3 s, long beside the audit indexer's half-second rounds
    private static final Alternation.Blocks BLOCKS = new Alternation.Blocks(4, Duration.ofSeconds(3), Integer.MAX_VALUE);
    private static final int WARM_UP = 100;
    private static final int PROFILED = 200;
    private static final String PURPOSE = "核查涉案人员 checking persons in a case";

    /** The bare alternative: the same read of the same table, no grant, no masking, no audit. */
    @TestConfiguration
    static class Bare {

        @RestController
        static class BareRead {

            private final HostedDatasets hosted;

            BareRead(HostedDatasets hosted) {
                this.hosted = hosted;
            }

            @GetMapping("/api/bench/bare/{front}/{back}")
            DataSlice read(@PathVariable String front, @PathVariable String back, @RequestParam int size) {
                return hosted.read(front + "/" + back, List.of(), 0, size);
            }
        }
    }

    @Autowired
    private AuditChainer chainer;

    @Autowired
    private AuditIndexer indexer;

    @Autowired
    private ElasticsearchClient elasticsearch;

    @Test
    void accessAgainstTheBareQuery() throws Exception {
        String code = CatalogEntries.nextCode("203002", "102");
        publishAndPush(code);
        grant(code);
        String full = "/api/data/" + code + "?purpose=" + URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8);
        String bare = "/api/bench/bare/" + code;

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, app, PostgreSQL and Elasticsearch on it");
        figures.put("appCpus", AppCpus.limitAsAsked());
        // both paths warm (JIT, connection pool, caches) before anything is measured, so order does not favour either
        figures.put("warmUp", JitWarmUp.untilSettled(() -> {
            check(api.get("gaj.zhang", full + "&size=100"), 100);
            check(api.get("gaj.zhang", bare + "?size=100"), 100);
            check(api.get("gaj.zhang", full + "&size=1"), 1);
            check(api.get("gaj.zhang", bare + "?size=1"), 1);
        }, 5 * WARM_UP, 150 * WARM_UP));
        figures.put("dataset", RECORDS + " records of 20 items, 4 of them masked by kind");
        for (int clients : new int[] {1, 8}) {
            for (int rows : new int[] {1, 100}) {
                // the first page of one record or of a hundred, in key order; not a match on the key, which the
                // grant shows masked and so refuses to match on (Art. 19)
                String fullPath = full + "&size=" + rows;
                String barePath = bare + "?size=" + rows;
                LockSampler locks = new LockSampler();
                Map<String, Map<String, Object>> timed = locks.during(() -> Alternation.time(List.of(
                        new Alternation.Path("withGrantCheckMaskingAudit", () -> check(api.get("gaj.zhang", fullPath), rows)),
                        new Alternation.Path("bareQuery", () -> check(api.get("gaj.zhang", barePath), rows))),
                        clients, BLOCKS, Settle.auditTrail(chainer, indexer, elasticsearch)));
                Map<String, Object> pair = new LinkedHashMap<>(timed);
                pair.put("rateRatio", (double) timed.get("withGrantCheckMaskingAudit").get("perSecond")
                        / (double) timed.get("bareQuery").get("perSecond"));
                // sampled over both paths' blocks alike, so the sampler's own queries weigh on both
                pair.put("lockWaitShare", locks.share());
                figures.put(rows + " rows, " + clients + " client" + (clients == 1 ? "" : "s"), pair);
            }
        }
        for (int rows : new int[] {1, 100}) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> pair = (Map<String, Map<String, Object>>) figures.get(rows + " rows, 1 client");
            pair.get("withGrantCheckMaskingAudit").put("profile", profile("read-governed-" + rows + "-rows-1-clients",
                    full + "&size=" + rows, rows));
            pair.get("bareQuery").put("profile", profile("read-bare-" + rows + "-rows-1-clients", bare + "?size=" + rows, rows));
        }
        Path out = Path.of("target/benchmarks/data-access.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK data-access " + figures);
    }

    /**
     * A sequential pass under the flight recorder, after every timed section: so that neither the recorder's cost nor
     * what it leaves behind falls on one (with a recording after each section, the section timed next took two to
     * three times the JVM's CPU per call, whichever path it timed).
     */
    private Map<String, Object> profile(String recording, String path, int rows) throws IOException {
        FlightRecording flight = FlightRecording.ofServedCalls(recording);
        long profiledNanos = 0;
        for (int i = 0; i < PROFILED; i++) {
            long t = System.nanoTime();
            check(api.get("gaj.zhang", path), rows);
            profiledNanos += System.nanoTime() - t;
        }
        return flight.stop(PROFILED, profiledNanos / 1e6 / PROFILED);
    }

    /**
     * Whether audited reads wait on each other: samples PostgreSQL's sessions every few milliseconds and counts how
     * often one of them waits for a lock (the audit chain head is the one lock these reads take).
     */
    private final class LockSampler {

        private long samples;
        private long waiting;

        <T> T during(java.util.concurrent.Callable<T> work) throws Exception {
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    Long locked = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'",
                            Long.class);
                    samples++;
                    waiting += locked != null && locked > 0 ? 1 : 0;
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            try {
                return work.call();
            } finally {
                running.set(false);
                sampler.join();
            }
        }

        /** The share of samples in which at least one session waited for a lock. */
        double share() {
            return samples == 0 ? 0 : (double) waiting / samples;
        }
    }

    private static void check(Response response, int rows) {
        if (response.status() != 200 || !response.body().contains("records")) {
            throw new IllegalStateException("benchmark read failed: HTTP " + response.status() + " " + response.body());
        }
    }

    private void publishAndPush(String code) {
        List<DataItem> items = new ArrayList<>(List.of(
                new DataItem("公民身份号码", "string", 18, Sensitivity.PERSONAL, true, true, ItemKind.ID_NUMBER),
                new DataItem("姓名", "string", 50, Sensitivity.PERSONAL, null, true, ItemKind.PERSON_NAME),
                new DataItem("手机号码", "string", 11, Sensitivity.PERSONAL, null, null, ItemKind.MOBILE),
                new DataItem("居住地址", "string", 200, Sensitivity.PERSONAL, null, null, ItemKind.ADDRESS),
                new DataItem("认定日期", "date", null, Sensitivity.INTERNAL),
                new DataItem("救助金额", "decimal", null, Sensitivity.INTERNAL)));
        for (int k = items.size(); k < 20; k++) {
            items.add(new DataItem("附加信息" + k, "string", 50, Sensitivity.INTERNAL));
        }
        CatalogEntry entry = new CatalogEntry(code, "低保对象 " + code, "bench", "civil-affairs", "civil-affairs", "最低生活保障",
                ResourceKind.PROFESSIONAL, new CatalogEntry.Classification("2", "03", "002"),
                new CatalogEntry.Format(FormatCategory.STRUCTURED_TABLE, "table"), items, SharingType.UNCONDITIONAL, null,
                List.of(), null, SharingMethod.HOSTED_DATASET, false, null, UpdateCycle.DAILY, null, List.of(), null, null);
        Response submitted = api.post("mzj.chen", "/api/catalog/submissions", JSON.valueToTree(entry).toString());
        api.post("authority.li", "/api/catalog/submissions/" + submitted.json().path("id").asText() + "/review",
                "{\"decision\":\"PUBLISH\"}");
        ArrayNode records = JSON.createArrayNode();
        for (int i = 0; i < RECORDS; i++) {
            ObjectNode r = records.addObject();
            r.put("公民身份号码", "41010519900101" + String.format("%04d", i));
            r.put("姓名", "张" + (char) ('伟' + i % 50));
            r.put("手机号码", "138" + String.format("%08d", i));
            r.put("居住地址", "河南省郑州市金水区花园路" + i + "号");
            r.put("认定日期", LocalDate.of(2026, 1, 1).plusDays(i % 300).toString());
            r.put("救助金额", 500 + i % 400);
            for (int k = 6; k < 20; k++) {
                r.put("附加信息" + k, "值" + i + "-" + k);
            }
        }
        Response pushed = api.post("mzj.chen", "/api/data/" + code + "/records?mode=REPLACE", records.toString());
        if (pushed.status() / 100 != 2) {
            throw new IllegalStateException("push failed: " + pushed.body());
        }
    }

    private void grant(String code) throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ObjectNode body = JSON.createObjectNode();
        body.put("resourceCode", code);
        body.set("items", JSON.valueToTree(List.of("公民身份号码", "姓名", "手机号码", "居住地址", "认定日期", "救助金额")));
        body.put("purpose", PURPOSE);
        body.put("scenario", "LAW_ENFORCEMENT");
        body.put("validFrom", today.toString());
        body.put("validUntil", today.plusDays(30).toString());
        body.set("officials", JSON.valueToTree(List.of("gaj.zhang")));
        Response asked = api.post("gaj.zhang", "/api/requests", body.toString());
        String id = asked.json().path("id").asText();
        if ("IN_REVIEW".equals(asked.json().path("status").asText())) {
            api.post("mzj.chen", "/api/requests/" + id + "/reply", "{\"decision\":\"APPROVE\"}");
        }
    }
}
