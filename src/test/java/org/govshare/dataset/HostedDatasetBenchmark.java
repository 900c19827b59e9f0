package org.govshare.dataset;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * How fast pushes are, on PostgreSQL: 100,000 records of 20 items pushed over HTTP as CSV and as JSON (a REPLACE,
 * then an UPSERT changing a tenth), in records per second, and the heap the app (in this JVM) uses meanwhile above
 * what it used before. Run with {@code ./mvnw verify -Pbenchmark}; figures go to
 * {@code target/benchmarks/hosted-datasets.json}. Nothing is asserted.
 */
class HostedDatasetBenchmark extends IntegrationTest {

    private static final int RECORDS = 100_000;
    private static final int ITEMS = 20;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void pushes() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        figures.put("records", RECORDS);
        figures.put("items", ITEMS);
        figures.put("csv", run("text/csv", this::csv));
        figures.put("json", run("application/json", this::json));
        Path out = Path.of("target/benchmarks/hosted-datasets.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK hosted-datasets " + figures);
    }

    private interface Body {
        byte[] of(int version);
    }

    private Map<String, Object> run(String contentType, Body body) throws IOException {
        CatalogEntry entry = entry();
        publish("mzj.chen", entry);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("replace", timed(entry.code(), "REPLACE", contentType, body.of(0)));
        result.put("upsertTenthChanged", timed(entry.code(), "UPSERT", contentType, body.of(1)));
        return result;
    }

    private Map<String, Object> timed(String code, String mode, String contentType, byte[] body) {
        System.gc();
        long baseline = usedHeap();
        long liveBaseline = liveAfterGc();
        resetPeaks();
        AtomicLong sampledPeak = new AtomicLong(baseline);
        AtomicLong livePeak = new AtomicLong(liveBaseline);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            sampledPeak.accumulateAndGet(usedHeap(), Math::max);
            livePeak.accumulateAndGet(liveAfterGc(), Math::max);
        }, 0, 20, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        Response pushed = api.postBody("mzj.chen", "/api/data/" + code + "/records?mode=" + mode, contentType, body);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        if (pushed.status() != 201) {
            throw new IllegalStateException("the push was refused: " + pushed.body());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bodyMB", round(body.length / 1048576.0));
        figures.put("seconds", round(seconds));
        figures.put("recordsPerSecond", Math.round(RECORDS / seconds));
        figures.put("version", pushed.json());
        figures.put("heapBaselineMB", round(baseline / 1048576.0));
        figures.put("heapSampledPeakAboveBaselineMB", round((sampledPeak.get() - baseline) / 1048576.0));
        figures.put("heapPoolPeakAboveBaselineMB", round((poolPeaks() - baseline) / 1048576.0));
        figures.put("liveHeapAfterGcPeakAboveBaselineMB", round((livePeak.get() - liveBaseline) / 1048576.0));
        figures.put("note", "used heap counts garbage not yet collected (the heap may grow to its maximum before a"
                + " collection); live heap after GC is what collections left, the better measure of what a push holds."
                + " The test client runs in the same JVM: its body array is in the heap throughout, before the baseline");
        return figures;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** What the heap held after the last collection of each pool: live data, not garbage. */
    private static long liveAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage).filter(java.util.Objects::nonNull).mapToLong(u -> u.getUsed()).sum();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound, as pools peak at different moments. */
    private static long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private CatalogEntry entry() {
        CatalogEntry base = CatalogEntries.organisationRegister(CatalogEntries.nextCode("203001", "102"));
        List<CatalogEntry.DataItem> items = new ArrayList<>(base.items());
        for (int i = items.size(); i < ITEMS; i++) {
            items.add(new CatalogEntry.DataItem("备注" + i, "string", 100, Sensitivity.PUBLIC));
        }
        return new CatalogEntry(base.code(), base.name(), base.summary(), base.providerDepartment(), base.collectingDepartment(),
                base.statutoryDuty(), base.kind(), base.classification(), base.format(), items, base.sharingType(),
                base.sharingConditions(), base.conditions(), base.legalBasis(), base.sharingMethod(), base.openToPublic(),
                base.openConditions(), base.updateCycle(), base.publishDate(), base.relatedCodes(), base.tier(), base.regionCode());
    }

    /** Version 1 of record n; in version 2 every tenth record has another member count. */
    private static String[] values(int n, int version) {
        String[] v = new String[ITEMS];
        v[0] = String.format("5141010000%08d", n);
        v[1] = "社会组织第" + n + "号";
        v[2] = "张" + (n % 100);
        v[3] = String.format("20%02d-%02d-%02d", n % 25, n % 12 + 1, n % 28 + 1);
        v[4] = (n % 5000) + ".25";
        v[5] = Integer.toString(version == 1 && n % 10 == 0 ? n + 1 : n);
        v[6] = "2026-03-01T09:30:00+08:00";
        v[7] = n % 3 == 0 ? "false" : "true";
        for (int i = 8; i < ITEMS; i++) {
            v[i] = "备注内容 remark " + i + "-" + n;
        }
        return v;
    }

    private byte[] csv(int version) {
        StringBuilder text = new StringBuilder(String.join(",", entry().items().stream().map(CatalogEntry.DataItem::name).toList()))
                .append('\n');
        for (int n = 0; n < RECORDS; n++) {
            text.append(String.join(",", values(n, version))).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] json(int version) {
        List<String> names = entry().items().stream().map(CatalogEntry.DataItem::name).toList();
        StringBuilder text = new StringBuilder("[");
        for (int n = 0; n < RECORDS; n++) {
            String[] v = values(n, version);
            text.append(n == 0 ? "{" : ",{");
            for (int i = 0; i < ITEMS; i++) {
                boolean bare = i == 4 || i == 5 || i == 7;
                text.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":")
                        .append(bare ? v[i] : '"' + v[i] + '"');
            }
            text.append('}');
        }
        return text.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
