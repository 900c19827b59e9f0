package org.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Error correction over HTTP on PostgreSQL: a hosted dataset pushed and granted, a report with its evidence, the
 * record marked under verification in data answers while the report is open and no longer after; refusals at every
 * step.
 */
class ErrorCorrectionIT extends IntegrationTest {

    private static final String PURPOSE = "核查涉案组织 checking organisations in a case";
    private static final String KEY = "514101000000000002";
    private static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "image".getBytes(StandardCharsets.US_ASCII));

    private String code;
    private String path;

    @BeforeEach
    void publishPushAndGrant() {
        code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        path = "/api/data/" + code;
        Response pushed = api.post("mzj.chen", path + "/records?mode=REPLACE", """
                [{"统一社会信用代码":"514101000000000001","组织名称":"慈善总会"},
                 {"统一社会信用代码":"514101000000000002","组织名称":"志愿者协会"}]""");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        Response asked = RequestsThroughTheSteps.ask(api, "gaj.zhang", requestFor("gaj.zhang"));
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("GRANTED");
    }

    /** The organisations' code and name, asked for by an official for the case. */
    private String requestFor(String official) {
        return SharingRequestBodies.request(code, official, "统一社会信用代码", "组织名称").put("purpose", PURPOSE)
                .put("scenario", "LAW_ENFORCEMENT").toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private String reportJson() {
        return "{\"resourceCode\":\"" + code + "\",\"keyValues\":{\"统一社会信用代码\":\"" + KEY + "\"},\"item\":\"组织名称\","
                + "\"problem\":\"名称已于2025年变更 renamed in 2025\",\"proposed\":\"郑州市志愿者协会\"}";
    }

    /** POST /api/corrections: the JSON part {@code report} and, when given, the file part {@code evidence}. */
    private Response report(String login, String json, String fileName, String type, byte[] file) {
        return api.postJsonAndFile(login, "/api/corrections", "report", json, "evidence", fileName, type, file);
    }

    private JsonNode record(String login, String key) {
        Response read = api.get(login, path + "?purpose=" + URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        for (JsonNode r : read.json().path("records")) {
            if (r.path("统一社会信用代码").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no record " + key + " in " + read.body());
    }

    @Test
    void aReportMarksItsRecordUntilTheProviderCorrectsIt() {
        Response made = report("gaj.zhang", reportJson(), "通知.png", "image/png", PNG);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().path("id").asText();
        assertThat(id).matches("JC-\\d{4}-\\d{6}");
        assertThat(made.json().path("status").asText()).isEqualTo("REPORTED");
        assertThat(made.json().path("evidence").path("type").asText()).isEqualTo("image/png");
        assertThat(auditEventsOf(made.correlationId())).extracting(e -> e.get("action")).contains("CORRECTION_REPORTED");

        // the mark: on the reported record only, while the report is open
        assertThat(record("gaj.zhang", KEY).path("_underVerification").get(0).asText()).isEqualTo(id);
        assertThat(record("gaj.zhang", "514101000000000001").has("_underVerification")).isFalse();

        // seen and downloaded by the reporter, the provider and the authority; not by anyone else
        for (String login : List.of("gaj.zhang", "mzj.chen", "authority.li")) {
            assertThat(api.get(login, "/api/corrections/" + id).status()).isEqualTo(200);
            Response evidence = api.get(login, "/api/corrections/" + id + "/evidence");
            assertThat(evidence.status()).isEqualTo(200);
            assertThat(evidence.contentType()).startsWith("image/png");
        }
        assertThat(api.get("mzj.chen", "/api/corrections").body()).contains(id);
        assertThat(api.get("scj.yang", "/api/corrections").body()).doesNotContain(id);
        assertRefusedAndAudited(api.get("scj.yang", "/api/corrections/" + id), 403, null, null);
        assertRefusedAndAudited(api.get("scj.yang", "/api/corrections/" + id + "/evidence"), 403, null, null);

        // triage: the authority only
        assertRefusedAndAudited(api.post("mzj.chen", "/api/corrections/" + id + "/triage", "{\"decision\":\"FORWARD\"}"),
                403, null, null);
        assertRefusedAndAudited(api.post("authority.li", "/api/corrections/" + id + "/triage", "{\"decision\":\"CLOSE\"}"),
                400, "reasons", "close-needs-reasons");
        Response forwarded = api.post("authority.li", "/api/corrections/" + id + "/triage", "{\"decision\":\"FORWARD\"}");
        assertThat(forwarded.json().path("status").asText()).as(forwarded.body()).isEqualTo("IN_VERIFICATION");
        assertThat(forwarded.json().path("verificationDue").asText()).isNotBlank();
        assertRefusedAndAudited(api.post("authority.li", "/api/corrections/" + id + "/triage", "{\"decision\":\"FORWARD\"}"),
                409, "status", "not-waiting");

        // verification: the provider's reviewers only, naming a version newer than the report
        assertRefusedAndAudited(api.post("gaj.wang", "/api/corrections/" + id + "/verification",
                "{\"decision\":\"EXPLAINED\",\"reasons\":\"x\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("mzj.chen", "/api/corrections/" + id + "/verification",
                "{\"decision\":\"CORRECTED\",\"correctedVersion\":1}"), 400, "correctedVersion", "version-after-report");
        Response fix = api.post("mzj.chen", path + "/records?mode=UPSERT",
                "[{\"统一社会信用代码\":\"" + KEY + "\",\"组织名称\":\"郑州市志愿者协会\"}]");
        assertThat(fix.status()).as(fix.body()).isEqualTo(201);
        assertThat(record("gaj.zhang", KEY).path("_underVerification").get(0).asText()).isEqualTo(id);
        Response corrected = api.post("mzj.chen", "/api/corrections/" + id + "/verification",
                "{\"decision\":\"CORRECTED\",\"correctedVersion\":" + fix.json().path("version").asInt() + "}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(corrected.json().path("outcome").asText()).isEqualTo("CORRECTED");
        assertThat(corrected.json().path("correctedVersion").asInt()).isEqualTo(2);

        JsonNode after = record("gaj.zhang", KEY);
        assertThat(after.has("_underVerification")).isFalse();
        assertThat(after.path("组织名称").asText()).isEqualTo("郑州市志愿者协会");
        assertThat(api.get("gaj.zhang", "/api/notices").body()).contains(id, "CORRECTION_CORRECTED");
    }

    @Test
    void onlyAGrantHolderReportsAndOnlyWithAProperAttachment() {
        assertRefusedAndAudited(report("scj.yang", reportJson(), "a.pdf", "application/pdf",
                "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII)), 403, "resourceCode", "no-grant");
        assertRefusedAndAudited(report("gaj.zhang", reportJson(), null, null, null), 400, "evidence", "required");
        assertRefusedAndAudited(report("gaj.zhang", reportJson(), "a.txt", "text/plain",
                "just text".getBytes(StandardCharsets.US_ASCII)), 400, "evidence", "type");
        assertRefusedAndAudited(report("gaj.zhang", reportJson(), "fake.pdf", "application/pdf",
                "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)), 400, "evidence", "content-matches-type");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        assertRefusedAndAudited(report("gaj.zhang", reportJson(), "big.pdf", "application/pdf", big), 413, "evidence",
                "max-size");
        assertRefusedAndAudited(report("gaj.zhang", reportJson().replace(KEY, "514101000000000009"), "a.png", "image/png",
                PNG), 400, "keyValues", "no-such-record");
        assertRefusedAndAudited(report("gaj.zhang", reportJson().replace("\"item\":\"组织名称\"", "\"item\":\"人数\""),
                "a.png", "image/png", PNG), 400, "item", "unknown-item");
        assertThat(jdbc.queryForObject("select count(*) from error_report where resource_code = ?", Long.class, code))
                .isZero();
    }

    private String reportJson(String keyValues, String item) {
        return "{\"resourceCode\":\"" + code + "\",\"keyValues\":" + keyValues + ",\"item\":\"" + item + "\","
                + "\"problem\":\"有误 wrong\"}";
    }

    @Test
    void aReportAsksOnlyWhatTheGrantRevealsAndTellsNothingMore() {
        // the grant covers the code and the name; the legal representative (personal) is not granted
        assertRefusedAndAudited(report("gaj.zhang", reportJson("{\"统一社会信用代码\":\"" + KEY + "\"}", "法定代表人"),
                "a.png", "image/png", PNG), 403, "item", "item-outside-grant");
        assertRefusedAndAudited(report("gaj.zhang", reportJson("{\"法定代表人\":\"王某\"}", "组织名称"),
                "a.png", "image/png", PNG), 403, "keyValues.法定代表人", "filter-outside-grant");
        // identified by a granted item that is not the key; a record that is not there answers as a read would
        assertRefusedAndAudited(report("gaj.zhang", reportJson("{\"组织名称\":\"没有这个组织\"}", "组织名称"),
                "a.png", "image/png", PNG), 400, "keyValues", "no-such-record");
        Response made = report("gaj.zhang", reportJson("{\"组织名称\":\"志愿者协会\"}", "组织名称"), "a.png", "image/png", PNG);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("recordKey").isNull()).as("the reporter's grant may not show the key").isTrue();
        String id = made.json().path("id").asText();
        assertThat(api.get("mzj.chen", "/api/corrections/" + id).json().path("recordKey").asText()).isEqualTo(KEY);
        assertThat(record("gaj.zhang", KEY).path("_underVerification").get(0).asText()).isEqualTo(id);

        // a colleague the grant does not name cannot use reports to test values either
        assertRefusedAndAudited(report("gaj.wang", reportJson("{\"组织名称\":\"志愿者协会\"}", "组织名称"), "a.png",
                "image/png", PNG), 403, "official", "not-named-on-grant");
        // under another grant of the same department the mark does not show: it would join the two grants' rows
        String other = "核查涉案组织 another case";
        Response second = RequestsThroughTheSteps.ask(api, "gaj.zhang", SharingRequestBodies.request(code, "gaj.zhang",
                "统一社会信用代码", "组织名称").put("purpose", other).put("scenario", "LAW_ENFORCEMENT").toString());
        assertThat(second.json().path("status").asText()).as(second.body()).isEqualTo("GRANTED");
        Response read = api.get("gaj.zhang", path + "?purpose=" + URLEncoder.encode(other, StandardCharsets.UTF_8));
        assertThat(read.body()).as("no mark under the other grant").contains(KEY).doesNotContain("_underVerification");
    }

    @Test
    void anotherConsumerSeesAReportOnlyOnceTheProviderPublishesIt() {
        Response asked = RequestsThroughTheSteps.ask(api, "scj.yang", requestFor("scj.yang"));
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("GRANTED");
        Response made = report("gaj.zhang", reportJson(), "通知.png", "image/png", PNG);
        String id = made.json().path("id").asText();

        assertThat(record("gaj.zhang", KEY).path("_underVerification").get(0).asText()).isEqualTo(id);
        assertThat(record("scj.yang", KEY).has("_underVerification")).as("another consumer's report").isFalse();

        assertRefusedAndAudited(api.post("scj.yang", "/api/corrections/" + id + "/publication", "{}"), 403, null, null);
        Response published = api.post("mzj.chen", "/api/corrections/" + id + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("published").asBoolean()).isTrue();
        assertThat(auditEventsOf(published.correlationId())).extracting(e -> e.get("action")).contains("CORRECTION_PUBLISHED");
        assertThat(record("scj.yang", KEY).path("_underVerification").get(0).asText()).isEqualTo(id);
    }
}
