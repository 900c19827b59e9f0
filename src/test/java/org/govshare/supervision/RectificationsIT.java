package org.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.document.IssuedPdfs;
import org.govshare.seal.Sealing;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rectification over HTTP on PostgreSQL and Elasticsearch: the authority records a violation by hand and orders it
 * rectified; public security's reviewer reports; the authority rejects once, then finds it not rectified; the
 * criticism is published for every department to see and the supervisor records the referral's outcome; the notice
 * and the criticism are issued sealed by the authority. An official of the wrong department or role is refused at
 * every step, and nothing moves.
 */
class RectificationsIT extends IntegrationTest {

    @Autowired
    Sealing sealing;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A violation by hand, on an inspection report of its own: the register records an act once. */
    private static ObjectNode violation(String department) {
        return JSON.createObjectNode().put("department", department).put("type", "CONCEALMENT")
                .put("description", "户籍资源未编入目录 the household register was left out of the catalog")
                .put("evidenceType", "inspection-report").put("evidenceId", "JC-2026-R" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .put("occurredAt", "2026-01-05T01:00:00Z");
    }

    private String recordedViolation() {
        Response recorded = api.post("authority.li", "/api/violations", violation("public-security").toString());
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("source").asText()).isEqualTo("MANUAL");
        assertThat(recorded.json().path("recordedBy").asText()).isEqualTo("authority.li");
        return recorded.json().path("id").asText();
    }

    private String ordered(String violationId) {
        Response started = api.post("authority.li", "/api/violations/" + violationId + "/rectification", "");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asText();
    }

    private static String report() {
        return JSON.createObjectNode().put("measures", "已编入目录并发布 catalogued and published")
                .put("evidence", "目录编码 101-0003").toString();
    }

    private static String verification(String decision, String reasons) {
        return JSON.createObjectNode().put("decision", decision).put("reasons", reasons).toString();
    }

    private String violationStatus(String id) {
        return jdbc.queryForObject("select status from violation where id = ?", String.class, id);
    }

    @Test
    void theViolationRegisterIsReadAPageAtATimeNewestFirst() {
        String older = recordedViolation();
        String newer = recordedViolation();

        JsonNode firstTwo = api.get("authority.li", "/api/violations?department=public-security&size=2").json();
        assertThat(firstTwo.findValuesAsText("id")).containsExactlyInAnyOrder(older, newer);
        assertThat(api.get("gaj.zhang", "/api/violations?size=1").json()).as("a department reads its own")
                .hasSize(1);
        assertThat(api.get("authority.li", "/api/violations?department=public-security&page=1&size=1").json()
                .findValuesAsText("id")).containsExactly(firstTwo.get(1).path("id").asText());
    }

    @Test
    void aViolationRecordedByHandIsCheckedFieldByField() {
        ObjectNode bad = violation("supervision").put("type", "LATE_LUNCH").put("evidenceType", "Inspection Report")
                .put("occurredAt", "2099-01-01T00:00:00Z");
        bad.remove("evidenceId");
        Response refused = api.post("authority.li", "/api/violations", bad.toString());
        assertRefusedAndAudited(refused, 400, "department", "known-administrative-department");
        assertThat(refused.json().path("errors").findValuesAsText("rule")).contains("violation-type",
                "evidence-type-format", "required-at-most-64", "not-in-future");

        assertRefusedAndAudited(api.post("gaj.wang", "/api/violations", violation("public-security").toString()), 403, null, null);
    }

    @Test
    void anAcceptedReportRectifiesTheViolationAndAViolationIsRectifiedOnce() {
        String violationId = recordedViolation();
        String id = ordered(violationId);
        assertThat(id).matches("ZG-\\d{4}-\\d{6}");
        assertThat(violationStatus(violationId)).isEqualTo("RECTIFYING");
        assertRefusedAndAudited(api.post("authority.li", "/api/violations/" + violationId + "/rectification", ""), 409,
                "violationId", "one-rectification-per-violation");

        assertThat(api.post("gaj.wang", "/api/rectifications/" + id + "/report", report()).status()).isEqualTo(200);
        Response accepted = api.post("authority.li", "/api/rectifications/" + id + "/verification", verification("ACCEPT", null));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("rectification").path("status").asText()).isEqualTo("RECTIFIED");
        assertThat(violationStatus(violationId)).isEqualTo("RECTIFIED");
    }

    @Test
    void rejectedOnceThenNotRectifiedItIsCriticisedForAllToSeeAndReferredWithTheWrongOfficialsRefusedAtEachStep() {
        String violationId = recordedViolation();
        String id = ordered(violationId);
        String path = "/api/rectifications/" + id;

        // who sees it: its department, the authority, the supervisors
        assertThat(api.get("gaj.zhang", path).status()).isEqualTo(200);
        assertThat(api.get("supervisor.qian", path).status()).isEqualTo(200);
        assertRefusedAndAudited(api.get("mzj.liu", path), 403, null, null);
        // the rectification notice as issued, sealed: for those who see the case
        byte[] notice = IssuedPdfs.download(port, "gaj.wang", path + "/notice.pdf");
        assertThat(IssuedPdfs.download(port, "supervisor.qian", path + "/notice.pdf")).isEqualTo(notice);
        IssuedPdfs.assertIssuedByTheAuthority(sealing, notice, id, "责令限期整改通知书", violationId, "郑州市公安局");
        assertRefusedAndAudited(api.get("mzj.liu", path + "/notice.pdf"), 403, null, null);
        assertThat(api.get("scj.yang", "/api/criticisms/" + id + ".pdf").status()).as("not criticised yet").isEqualTo(404);
        assertThat(api.get("mzj.liu", "/api/rectifications").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("gaj.zhang", "/api/rectifications").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("authority.li", "/api/rectifications?department=public-security").json().findValuesAsText("id"))
                .contains(id);
        assertRefusedAndAudited(api.get("mzj.liu", "/api/rectifications?department=public-security"), 403, null, null);

        // the report: public security's reviewer only
        assertRefusedAndAudited(api.post("mzj.chen", path + "/report", report()), 403, null, null);
        assertRefusedAndAudited(api.post("gaj.zhang", path + "/report", report()), 403, null, null);
        assertRefusedAndAudited(api.post("gaj.wang", path + "/report", "{\"measures\":\" \",\"evidence\":\"x\"}"), 400,
                "measures", "required");
        assertThat(api.post("gaj.wang", path + "/report", report()).status()).isEqualTo(200);

        // the verification: the authority only; a first rejection with reasons
        assertRefusedAndAudited(api.post("gaj.wang", path + "/verification", verification("ACCEPT", null)), 403, null, null);
        assertRefusedAndAudited(api.post("supervisor.qian", path + "/verification", verification("ACCEPT", null)), 403, null, null);
        Response rejected = api.post("authority.li", path + "/verification", verification("REJECT", "数据项不全 items missing"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("rectification").path("attempt").asInt()).isEqualTo(2);
        assertThat(api.get("gaj.wang", "/api/notices").json().findValuesAsText("kind")).contains("RECTIFICATION_REJECTED");

        // the second verification: no second rejection
        assertThat(api.post("gaj.wang", path + "/report", report()).status()).isEqualTo(200);
        assertRefusedAndAudited(api.post("authority.li", path + "/verification", verification("REJECT", "again")), 400,
                "decision", "second-verification-no-second-rejection");
        Response notRectified = api.post("authority.li", path + "/verification", verification("NOT_RECTIFIED", "still missing"));
        assertThat(notRectified.json().path("rectification").path("status").asText()).isEqualTo("AWAITING_CRITICISM");
        String draft = notRectified.json().path("steps").findValues("body").stream().map(JsonNode::asText)
                .filter(b -> b.contains("通报批评")).findFirst().orElseThrow();

        // the criticism: the authority approves the text; it is public
        String approval = JSON.createObjectNode().put("text", draft + " 特此通报。").toString();
        assertRefusedAndAudited(api.post("gaj.wang", path + "/criticism", approval), 403, null, null);
        assertRefusedAndAudited(api.post("supervisor.qian", path + "/criticism", approval), 403, null, null);
        Response published = api.post("authority.li", path + "/criticism", approval);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("rectification").path("status").asText()).isEqualTo("AWAITING_REFERRAL");
        assertThat(violationStatus(violationId)).isEqualTo("REFERRED");
        assertThat(api.get("scj.yang", "/api/criticisms?size=100").json().findValuesAsText("rectificationId")).contains(id);
        byte[] criticism = IssuedPdfs.download(port, "scj.yang", "/api/criticisms/" + id + ".pdf");
        IssuedPdfs.assertIssuedByTheAuthority(sealing, criticism, id, "通报批评 Public criticism", "特此通报。");
        assertThat(api.get("supervisor.qian", "/api/notices").json().findValuesAsText("kind")).contains("RECTIFICATION_REFERRED");

        // the referral: the supervisors only
        String outcome = JSON.createObjectNode().put("outcome", "NO_ACTION").put("reasons", "负责人已调离 the head has left").toString();
        assertRefusedAndAudited(api.post("authority.li", path + "/referral", outcome), 403, null, null);
        assertRefusedAndAudited(api.post("gaj.wang", path + "/referral", outcome), 403, null, null);
        Response decided = api.post("supervisor.qian", path + "/referral", outcome);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("rectification").path("status").asText()).isEqualTo("CONCLUDED");
        assertThat(decided.json().path("rectification").path("referralOutcome").asText()).isEqualTo("NO_ACTION");
        assertThat(decided.json().path("steps").findValuesAsText("kind")).containsExactly("NOTICE", "REPORT",
                "VERIFICATION", "NOTICE", "REPORT", "VERIFICATION", "CRITICISM_DRAFTED", "CRITICISM_PUBLISHED", "REFERRED",
                "REFERRAL_OUTCOME");
        assertRefusedAndAudited(api.post("supervisor.qian", path + "/referral", outcome), 409, "status", "not-waiting");
    }
}
