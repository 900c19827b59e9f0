package org.govshare.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.catalog.CatalogEntry.Classification;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.CatalogEntry.Format;
import org.govshare.identity.Tier;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

/**
 * Sharing-catalog search latency with 100,000 published resources on PostgreSQL, through the HTTP API as an official
 * calls it, and the cost of checking a new submission (field rules, Drools rules, collect-once overlap query) at
 * that size. The resources are stored a thousand to a transaction, so seeding measures the store, not commits. Run with {@code ./mvnw verify -Pbenchmark}; figures go to {@code target/benchmarks/catalog-search.json}.
 */
class CatalogSearchBenchmark extends IntegrationTest {

    private static final int RESOURCES = 100_000;
    private static final int PER_TRANSACTION = 1_000;
    private static final int RUNS = 200;
    private static final String[] DEPARTMENTS = {"public-security", "civil-affairs", "market-supervision", "human-resources",
            "jinshui-civil-affairs"};
    private static final String[] RANGES = {"101", "102", "103", "104", "201"};
    private static final String[] SUBJECTS = {"人口", "企业", "社保", "婚姻", "低保", "车辆", "房产", "医保", "就业", "养老", "户籍",
            "许可", "处罚", "信用", "地址", "学籍", "残疾", "优抚", "殡葬", "慈善"};
    private static final String[] ASPECTS = {"基本信息", "登记记录", "变更记录", "年度报告", "审批结果", "核查结果", "统计数据", "缴费记录"};

    @Autowired
    CatalogStore store;

    @Autowired
    CatalogChecks checks;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void searchAHundredThousandResources() throws IOException {
        Random random = new Random(42);
        long seedStart = System.nanoTime();
        var inOneTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        for (int first = 0; first < RESOURCES; first += PER_TRANSACTION) {
            int from = first;
            inOneTransaction.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(RESOURCES, from + PER_TRANSACTION); i++) {
                    CatalogEntry entry = generated(i, random);
                    Submission submission = new Submission("bench-" + i, entry.code(), Submission.Kind.NEW,
                            entry.providerDepartment(), "benchmark", Instant.now(), Submission.Status.PUBLISHED, entry, List.of(),
                            null, "authority.li", null, false, List.of(), null);
                    store.publish(submission, entry, "authority.li", Instant.now());
                }
            });
        }
        jdbc.execute("analyze catalog_resource");
        jdbc.execute("analyze catalog_item");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("one word", "q=%E4%BA%BA%E5%8F%A3");
        queries.put("two words", "q=%E4%BA%BA%E5%8F%A3%20%E5%8F%98%E6%9B%B4");
        queries.put("item name", "q=%E7%BB%9F%E4%B8%80%E7%A4%BE%E4%BC%9A%E4%BF%A1%E7%94%A8%E4%BB%A3%E7%A0%81");
        queries.put("provider + sharing type", "provider=civil-affairs&sharingType=CONDITIONAL");
        queries.put("word + every filter", "q=%E4%BC%81%E4%B8%9A&provider=market-supervision&kind=PROFESSIONAL"
                + "&sharingType=UNCONDITIONAL&updateCycle=MONTHLY&tier=MUNICIPAL");
        queries.put("no criteria, page 40", "page=40&size=20");
        queries.put("no match", "q=zzzzzz");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("takenAt", Instant.now().toString());
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores; PostgreSQL (embedded 17) and the app on one machine");
        figures.put("publishedResources", jdbc.queryForObject("select count(*) from catalog_resource", Long.class));
        figures.put("seedSeconds", Math.round(seedSeconds * 10) / 10.0);
        figures.put("runsPerQuery", RUNS);
        Map<String, Object> latencies = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            String path = "/api/catalog?" + query.getValue();
            for (int warm = 0; warm < 20; warm++) {
                api.get("mzj.liu", path);
            }
            long[] micros = new long[RUNS];
            long hits = 0;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                var response = api.get("mzj.liu", path);
                micros[run] = (System.nanoTime() - start) / 1000;
                hits = response.json().path("total").asLong();
            }
            latencies.put(query.getKey(), percentiles(micros, hits));
        }
        figures.put("searchOverHttp", latencies);
        // how PostgreSQL runs the shapes' queries, as the store writes them: the matches of words are found once, up
        // to one past counted-up-to, and past it the page is a walk in the codes' order
        String published = " from catalog_resource r where r.status = 'PUBLISHED'";
        String word = " and catalog_grams(r.search_text) @> '{人口}'::text[]";
        String page = "select r.code, r.status, v.version, v.content, s.* from catalog_resource r"
                + " join catalog_version v on v.code = r.code and v.version = r.current_version"
                + " left join catalog_source_department s on s.code = r.code where r.status = 'PUBLISHED'";
        Map<String, Object> plans = new LinkedHashMap<>();
        plans.put("count, no criteria", plan("select count(*)" + published));
        plans.put("page 40, no criteria", plan(page + " order by r.code limit 20 offset 800"));
        plans.put("count, one word", plan("select count(*) from (select r.code" + published + word + " limit 10001) as hits"));
        plans.put("page 1 of the hits, one word", plan("with hits as materialized (select r.code" + published + word
                + " limit 10001) select code from hits order by code limit 20 offset 0"));
        String item = " and catalog_grams(r.search_text) @> '{统一,一社,社会,会信,信用,用代,代码}'::text[]"
                + " and r.search_text like '%统一社会信用代码%'";
        plans.put("count, item name", plan("select count(*) from (select r.code" + published + item + " limit 10001) as hits"));
        plans.put("page 1, item name, walked", plan(page + " and r.search_text like '%统一社会信用代码%'"
                + " order by r.code limit 20 offset 0"));
        figures.put("plans", plans);

        long[] checkMicros = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            CatalogEntry fresh = generated(RESOURCES + run, random);
            long start = System.nanoTime();
            checks.check(fresh);
            checkMicros[run] = (System.nanoTime() - start) / 1000;
        }
        figures.put("submissionCheck", percentiles(checkMicros, -1));

        Path out = Path.of("target/benchmarks/catalog-search.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
        System.out.println("Catalog search benchmark: " + figures);
    }

    private List<String> plan(String sql) {
        return jdbc.queryForList("explain (analyze, buffers) " + sql, String.class);
    }

    private static Map<String, Object> percentiles(long[] micros, long hits) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        Map<String, Object> p = new LinkedHashMap<>();
        if (hits >= 0) {
            p.put("hits", hits);
        }
        p.put("p50ms", sorted[sorted.length / 2] / 1000.0);
        p.put("p95ms", sorted[(int) (sorted.length * 0.95)] / 1000.0);
        p.put("p99ms", sorted[(int) (sorted.length * 0.99)] / 1000.0);
        p.put("maxMs", sorted[sorted.length - 1] / 1000.0);
        return p;
    }

    private static CatalogEntry generated(int i, Random random) {
        int d = i % DEPARTMENTS.length;
        int n = i / DEPARTMENTS.length;
        // classes 4 to 9: clear of the codes other tests publish in the same database
        String classification = String.format("%d%02d%03d", 4 + n / 1000 % 6, 1 + n / 1000 / 6, 1);
        String code = classification + "/" + RANGES[d] + String.format("%03d", n % 1000);
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        String name = subject + ASPECTS[random.nextInt(ASPECTS.length)];
        List<DataItem> items = new ArrayList<>();
        items.add(new DataItem(random.nextBoolean() ? "公民身份号码" : "统一社会信用代码", "string", 18, Sensitivity.PERSONAL,
                true, true, null));
        for (int k = 0; k < 6; k++) {
            items.add(new DataItem(subject + "项目" + (k * 50 + random.nextInt(50)), "string", 100, Sensitivity.INTERNAL));
        }
        SharingType type = SharingType.values()[random.nextInt(2)];
        return new CatalogEntry(code, name, subject + "相关数据 " + name, DEPARTMENTS[d], DEPARTMENTS[d], subject + "管理职责",
                ResourceKind.PROFESSIONAL, new Classification(classification.substring(0, 1), classification.substring(1, 3),
                classification.substring(3)), new Format(FormatCategory.STRUCTURED_TABLE, "table"), items, type,
                type == SharingType.CONDITIONAL ? "用于法定职责" : null, List.of(), null, SharingMethod.HOSTED_DATASET, false,
                null, UpdateCycle.values()[random.nextInt(UpdateCycle.values().length)], null, List.of(),
                d == 4 ? Tier.DISTRICT : Tier.MUNICIPAL, d == 4 ? "410105" : "410100");
    }
}
