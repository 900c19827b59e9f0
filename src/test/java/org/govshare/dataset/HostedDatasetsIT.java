package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hosted datasets over HTTP on PostgreSQL: pushes as JSON and CSV in both modes with their counts, every kind of bad
 * push refused with row, field and rule and nothing written, who may push, the versions, and reads with filters.
 */
class HostedDatasetsIT extends IntegrationTest {

    private static final String CSV = "text/csv";
    private static final String HEADER = "统一社会信用代码,组织名称,法定代表人,成立日期,注册资金,会员数,年检时间,是否有效\n";

    @Autowired
    HostedDatasets datasets;

    private String register() {
        return publish("mzj.chen", CatalogEntries.organisationRegister(CatalogEntries.nextCode("203001", "102")));
    }

    private static String records(String code) {
        return "/api/data/" + code + "/records";
    }

    private Response push(String login, String code, String mode, String contentType, String body) {
        return api.postBody(login, records(code) + "?mode=" + mode, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String org(int n, String name, String founded, String capital, int members, boolean valid) {
        return String.format("{\"统一社会信用代码\":\"5141010000000%05d\",\"组织名称\":\"%s\",\"成立日期\":\"%s\",\"注册资金\":%s,"
                + "\"会员数\":%d,\"年检时间\":\"2026-03-01T09:30:00+08:00\",\"是否有效\":%s}", n, name, founded, capital, members, valid);
    }

    private static void assertVersion(Response pushed, int version, String mode, long added, long changed, long removed, long total) {
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        JsonNode v = pushed.json();
        assertThat(v.path("version").asInt()).isEqualTo(version);
        assertThat(v.path("mode").asText()).isEqualTo(mode);
        assertThat(List.of(v.path("added").asLong(), v.path("changed").asLong(), v.path("removed").asLong(),
                v.path("total").asLong())).as(pushed.body()).containsExactly(added, changed, removed, total);
    }

    private long rows(String code) {
        return jdbc.queryForObject("select count(*) from dataset_record where resource_code = ?", Long.class, code);
    }

    private long versions(String code) {
        return jdbc.queryForObject("select count(*) from dataset_version where resource_code = ?", Long.class, code);
    }

    @Test
    void pushesAsJsonAndCsvInBothModesMakeVersionsWithTheirCounts() {
        String code = register();
        assertThatThrownBy(() -> datasets.read(code, List.of(), 0, 10)).isInstanceOf(NotFoundException.class);

        Response first = push("mzj.chen", code, "REPLACE", "application/json", "[" + org(1, "慈善总会", "2001-05-01", "100.5", 30, true)
                + "," + org(2, "志愿者协会", "2010-01-15", "20", 120, true) + "," + org(3, "老年协会", "2015-07-01", "5.25", 8, false) + "]");
        assertVersion(first, 1, "REPLACE", 3, 0, 0, 3);
        assertThat(first.json().path("pushedBy").asText()).isEqualTo("mzj.chen");
        assertThat(auditEventsOf(first.correlationId())).filteredOn(e -> "DATA_PUSHED".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("details")).contains("\"version\":1", "\"mode\":\"REPLACE\"", "\"added\":3"));

        // record 1 unchanged (its decimal written differently), 2 changed, 4 new
        Response upsert = push("mzj.chen", code, "UPSERT", CSV, HEADER
                + "514101000000000001,慈善总会,,2001-05-01,100.50,30,2026-03-01T09:30:00+08:00,true\n"
                + "514101000000000002,志愿者协会,王五,2010-01-15,20,150,2026-03-01T09:30:00+08:00,true\n"
                + "514101000000000004,\"书画研究会, 郑州\",,2021-09-09,1,5,,\n");
        assertVersion(upsert, 2, "UPSERT", 1, 1, 0, 4);

        Response replace = push("mzj.chen", code, "REPLACE", CSV, HEADER
                + "514101000000000001,慈善总会,,2001-05-01,100.5,30,2026-03-01T09:30:00+08:00,true\n"
                + "514101000000000004,书画研究会,,2021-09-09,1,6,,\n");
        assertVersion(replace, 3, "REPLACE", 0, 1, 2, 2);
        assertThat(rows(code)).isEqualTo(2);

        assertRefusedAndAudited(api.get("gaj.zhang", "/api/data/" + code + "/versions"), 403, null, null);
        Response list = api.get("mzj.chen", "/api/data/" + code + "/versions");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("version")).containsExactly("3", "2", "1");
        assertThat(list.json().get(0).path("createdAt").asText()).isNotEmpty();
        assertThat(api.get("mzj.chen", "/api/data/" + code + "/versions?page=1&size=2").json().findValuesAsText("version"))
                .containsExactly("1");
        assertThat(list.body()).doesNotContain("慈善总会");
    }

    @Test
    void readsFilterExactlyAndByRangeInTheItemsTypesAndPageByKey() {
        String code = register();
        StringBuilder body = new StringBuilder("[");
        for (int n = 1; n <= 12; n++) {
            body.append(n == 1 ? "" : ",").append(org(n, "组织" + n, "2020-01-" + String.format("%02d", n), n + ".5", n * 10, n % 2 == 0));
        }
        assertVersion(push("mzj.chen", code, "REPLACE", "application/json", body + "]"), 1, "REPLACE", 12, 0, 0, 12);

        DataSlice all = datasets.read(code, List.of(), 0, 5);
        assertThat(all.version()).isEqualTo(1);
        assertThat(all.asOf()).isNotNull();
        assertThat(all.total()).isEqualTo(12);
        assertThat(all.records()).extracting(r -> r.get("组织名称")).containsExactly("组织1", "组织2", "组织3", "组织4", "组织5");
        assertThat(datasets.read(code, List.of(), 2, 5).records()).extracting(r -> r.get("组织名称")).containsExactly("组织11", "组织12");

        DataSlice byKey = datasets.read(code, List.of(ItemFilter.equalTo("统一社会信用代码", "514101000000000007")), 0, 10);
        assertThat(byKey.total()).isEqualTo(1);
        assertThat(byKey.records().get(0)).containsEntry("组织名称", "组织7").containsEntry("是否有效", false)
                .containsEntry("年检时间", "2026-03-01T09:30+08:00");
        assertThat(read(code, ItemFilter.equalTo("组织名称", "组织3"))).containsExactly("组织3");
        assertThat(read(code, ItemFilter.equalTo("组织名称", "组织"))).isEmpty();
        assertThat(read(code, ItemFilter.equalTo("会员数", "040"))).containsExactly("组织4");
        assertThat(read(code, ItemFilter.equalTo("注册资金", "2.50"))).containsExactly("组织2");
        assertThat(read(code, ItemFilter.between("成立日期", "2020-01-03", "2020-01-05"))).containsExactly("组织3", "组织4", "组织5");
        assertThat(read(code, ItemFilter.between("注册资金", "10", null))).containsExactly("组织10", "组织11", "组织12");
        assertThat(read(code, ItemFilter.between("会员数", null, "20"))).containsExactly("组织1", "组织2");
        assertThat(read(code, ItemFilter.between("年检时间", "2026-03-01T01:30:00Z", "2026-03-01T09:30"))).hasSize(12);
        assertThat(read(code, ItemFilter.between("年检时间", "2026-03-01T09:31+08:00", null))).isEmpty();
        assertThat(datasets.read(code, List.of(ItemFilter.equalTo("是否有效", "true"),
                ItemFilter.between("成立日期", "2020-01-01", "2020-01-06")), 0, 10).total()).isEqualTo(3);

        assertFilterRefused(code, ItemFilter.equalTo("电话", "1"), "电话", "filter-unknown-item");
        assertFilterRefused(code, ItemFilter.between("成立日期", "2020-13-01", null), "成立日期", "filter-type");
        assertFilterRefused(code, ItemFilter.equalTo("会员数", "many"), "会员数", "filter-type");
        assertFilterRefused(code, ItemFilter.between("组织名称", "a", "b"), "组织名称", "filter-range-not-allowed");
    }

    private List<Object> read(String code, ItemFilter filter) {
        return datasets.read(code, List.of(filter), 0, 100).records().stream().map(r -> r.get("组织名称")).toList();
    }

    private void assertFilterRefused(String code, ItemFilter filter, String field, String rule) {
        assertThatThrownBy(() -> datasets.read(code, List.of(filter), 0, 10)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.field()).isEqualTo(field);
                    assertThat(err.rule()).isEqualTo(rule);
                }));
    }

    @Test
    void everyBadPushIsRefusedWithRowFieldAndRuleAndWritesNothing() throws IOException {
        String code = register();
        assertVersion(push("mzj.chen", code, "REPLACE", "application/json", "[" + org(1, "慈善总会", "2001-05-01", "1", 3, true) + "]"),
                1, "REPLACE", 1, 0, 0, 1);
        String good = org(2, "志愿者协会", "2010-01-15", "20", 120, true);

        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json", "[" + good + ","
                + org(3, "老年协会", "2015-02-30", "1", 1, true) + "]"), 2, "成立日期", "type");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json",
                "[" + good.replace("120", "\"12x\"") + "]"), 1, "会员数", "type");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json",
                "[" + good.replace("志愿者协会", "志".repeat(21)) + "]"), 1, "组织名称", "length");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json",
                "[" + good.replace("\"组织名称\":\"志愿者协会\",", "") + "]"), 1, "组织名称", "required");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json",
                "[{\"组织名称\":\"无代码\"}]"), 1, "统一社会信用代码", "required");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json",
                "[" + good.replace("}", ",\"电话\":\"123\"}") + "]"), 1, "电话", "unknown-item");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json", "[" + good + "," + good + "]"), 2,
                "统一社会信用代码", "duplicate-key");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json", "[]"), 0, "body", "no-records");
        assertRefused(code, push("mzj.chen", code, "REPLACE", CSV, HEADER), 0, "body", "no-records");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json", "[" + good + ",{\"组织名称\":"), 2, "body", "malformed-json");
        assertRefused(code, push("mzj.chen", code, "UPSERT", "application/json", "{}"), 0, "body", "json-array");

        // CSV rows are their lines: the header is line 1
        assertRefused(code, push("mzj.chen", code, "UPSERT", CSV, HEADER
                + "514101000000000002,志愿者协会,,2010-01-15,20,120,,true\n"
                + "514101000000000003,老年协会,,2015-01-01,abc,1,,yes\n"), 3, "注册资金", "type");
        assertRefused(code, push("mzj.chen", code, "UPSERT", CSV, "统一社会信用代码,组织名称,电话\n514101000000000002,协会,1\n"), 1,
                "电话", "unknown-item");
        assertRefused(code, push("mzj.chen", code, "UPSERT", CSV, "组织名称\n协会\n"), 1, "统一社会信用代码", "required");
        byte[] gbk = (HEADER + "514101000000000002,志愿者协会,,2010-01-15,20,120,,true\n").getBytes(Charset.forName("GBK"));
        assertRefused(code, api.postBody("mzj.chen", records(code) + "?mode=UPSERT", CSV, gbk), 1, "body", "utf-8");
        assertRefused(code, api.postBody("mzj.chen", records(code) + "?mode=UPSERT", "text/csv; charset=GBK", gbk), 0,
                "body", "utf-8");

        // a key met again after the first batch is found in the database, not in memory
        StringBuilder many = new StringBuilder(HEADER);
        for (int n = 10; n < 620; n++) {
            many.append(String.format("5141010000000%05d,协会%d,,,,,,%n", n, n));
        }
        many.append("514101000000000010,again,,,,,,\n");
        assertRefused(code, push("mzj.chen", code, "REPLACE", CSV, many.toString()), 612, "统一社会信用代码", "duplicate-key");

        // the list is cut, the count is not
        StringBuilder bad = new StringBuilder("[");
        for (int n = 0; n < 150; n++) {
            bad.append(n == 0 ? "" : ",").append(good.replace("120", "\"x\"").replace("00002", String.format("%05d", 100 + n)));
        }
        Response capped = push("mzj.chen", code, "UPSERT", "application/json", bad + "]");
        assertRefused(code, capped, 1, "会员数", "type");
        assertThat(capped.json().path("errors")).hasSize(100);
        assertThat(capped.json().path("errorCount").asLong()).isEqualTo(150);

        Response noMode = api.postBody("mzj.chen", records(code), "application/json", "[]".getBytes(StandardCharsets.UTF_8));
        assertRefused(code, noMode, -1, "mode", "required");
        assertThat(api.postBody("mzj.chen", records(code) + "?mode=UPSERT", "application/xml", new byte[] {'<'}).status())
                .isEqualTo(415);
        assertThat(rawPushDeclaring(code, 300L * 1024 * 1024)).startsWith("HTTP/1.1 413");
        assertThat(rows(code)).isEqualTo(1);
        assertThat(versions(code)).isEqualTo(1);
    }

    private void assertRefused(String code, Response response, long row, String field, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode first = response.json().path("errors").get(0);
        assertThat(first.path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(first.path("rule").asText()).as(response.body()).isEqualTo(rule);
        if (row >= 0) {
            assertThat(first.path("row").asLong()).as(response.body()).isEqualTo(row);
        }
        assertThat(auditEventsOf(response.correlationId())).extracting(e -> e.get("outcome")).containsExactly("REFUSED");
        assertThat(versions(code)).isEqualTo(1);
        assertThat(rows(code)).isEqualTo(1);
    }

    /** Declares a body far over the push limit and sends none: the answer must come before any body is read. */
    private String rawPushDeclaring(String code, long length) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            String credentials = java.util.Base64.getEncoder().encodeToString("mzj.chen:demo".getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + records(code) + "?mode=UPSERT HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aPushOverTheGeneralBodyLimitIsAcceptedOnThePushPath() {
        String code = register();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 0; csv.length() < 1_200_000; n++) {
            csv.append(String.format("5141010000%08d,社会组织第%d号,张三,2020-01-01,%d.25,%d,2026-03-01T09:30:00,true%n", n, n, n, n));
        }
        long lines = csv.chars().filter(c -> c == '\n').count() - 1;
        Response pushed = push("mzj.chen", code, "REPLACE", CSV, csv.toString());
        assertVersion(pushed, 1, "REPLACE", lines, 0, 0, lines);
        assertThat(datasets.read(code, List.of(), 0, 1).total()).isEqualTo(lines);
    }

    @Test
    void onlyTheProvidersReviewersAndSystemsPush() {
        String code = register();
        String body = "[" + org(1, "慈善总会", "2001-05-01", "1", 3, true) + "]";
        assertThat(push("gaj.wang", code, "REPLACE", "application/json", body).status()).isEqualTo(403);
        Response applicant = push("mzj.liu", code, "REPLACE", "application/json", body);
        assertThat(applicant.status()).isEqualTo(403);
        assertThat(auditEventsOf(applicant.correlationId())).extracting(e -> e.get("action")).containsExactly("ACCESS_DENIED");

        JsonNode ours = api.post("mzj.liu", "/api/systems", "{\"name\":\"社会组织登记系统\",\"contact\":\"陈科长 0371-7654321\"}").json();
        JsonNode theirs = api.post("gaj.zhang", "/api/systems", "{\"name\":\"户籍系统\",\"contact\":\"王警官 0371-1234567\"}").json();
        Response bySystem = api.postBody(ours.path("clientId").asText(), ours.path("clientSecret").asText(),
                records(code) + "?mode=REPLACE", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertVersion(bySystem, 1, "REPLACE", 1, 0, 0, 1);
        assertThat(bySystem.json().path("pushedBy").asText()).isEqualTo(ours.path("clientId").asText());
        assertThat(api.postBody(theirs.path("clientId").asText(), theirs.path("clientSecret").asText(),
                records(code) + "?mode=REPLACE", "application/json", body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        assertThat(api.getWithPassword(ours.path("clientId").asText(), ours.path("clientSecret").asText(),
                "/api/data/" + code + "/versions").json().findValuesAsText("version")).containsExactly("1");
        assertThat(api.getWithPassword(theirs.path("clientId").asText(), theirs.path("clientSecret").asText(),
                "/api/data/" + code + "/versions").status()).isEqualTo(403);
        assertThat(versions(code)).isEqualTo(1);
    }

    @Test
    void onlyPublishedHostedDatasetsTakePushes() {
        String served = publish("mzj.chen", new CatalogEntry(CatalogEntries.nextCode("203001", "102"), "服务", "served",
                "civil-affairs", "civil-affairs", "职责", org.govshare.vocabulary.ResourceKind.PROFESSIONAL,
                new CatalogEntry.Classification("2", "03", "001"),
                new CatalogEntry.Format(org.govshare.catalog.FormatCategory.API, "JSON"),
                List.of(new CatalogEntry.DataItem("编号", "string", 10, org.govshare.vocabulary.Sensitivity.PUBLIC, true, true, null)),
                org.govshare.vocabulary.SharingType.UNCONDITIONAL, null, List.of(), null,
                org.govshare.catalog.SharingMethod.PROVIDER_SERVICE, false, null, org.govshare.catalog.UpdateCycle.DAILY, null,
                List.of(), null, null));
        Response refused = push("mzj.chen", served, "REPLACE", "application/json", "[{\"编号\":\"1\"}]");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("errors").findValuesAsText("rule")).containsExactly("hosted-dataset-only");
        assertThat(push("mzj.chen", "203001/102000", "REPLACE", "application/json", "[]").status()).isEqualTo(404);
    }
}
