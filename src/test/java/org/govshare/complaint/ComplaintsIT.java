package org.govshare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Complaints over HTTP (docs/complaints.md): Civil Affairs complains of Public Security with an evidence file and the
 * request it cites; a third department does not learn of it, the supervisors see it; the respondent's statement; a
 * substantiated finding opens a violation from the complaint, which the authority orders rectified; bad input is
 * refused field by field and audited.
 */
class ComplaintsIT extends IntegrationTest {

    private static final byte[] PDF = "%PDF-1.4 the refusal letter".getBytes(StandardCharsets.US_ASCII);

    /** A sharing request of Civil Affairs' to Public Security, which both may cite. */
    private String request() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        Response asked = RequestsThroughTheSteps.ask(api, "mzj.liu",
                SharingRequestBodies.request(code, "mzj.liu", "公民身份号码", "姓名").toString());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return asked.json().path("id").asText();
    }

    static ObjectNode complaint(String respondent, String type, String request, String auditEvent) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("respondent", respondent).put("violationType", type)
                .put("occurredOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString())
                .put("facts", "公安局无法律依据拒绝共享 refused without a legal basis");
        if (request != null) {
            body.putArray("cases").add(request);
        }
        if (auditEvent != null) {
            body.putArray("auditEvents").add(auditEvent);
        }
        return body;
    }

    /** Lodges a complaint of Civil Affairs' against Public Security with a PDF; returns its number. */
    String lodged() {
        String request = request();
        String event = jdbc.queryForObject("select id from audit_event where object_id = ? order by occurred_at limit 1",
                String.class, request);
        Response lodged = api.postJsonAndFile("mzj.liu", "/api/complaints", "complaint",
                complaint("public-security", "REFUSED_SHARING", request, event).toString(), "evidence", "refusal.pdf",
                "application/pdf", PDF);
        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        assertThat(lodged.json().path("citedCases").get(0).asText()).isEqualTo(request);
        assertThat(lodged.json().path("citedEvents").get(0).asText()).isEqualTo(event);
        return lodged.json().path("id").asText();
    }

    @Test
    void aComplaintWithEvidenceIsSeenByItsPartiesTheAuthorityAndTheSupervisorsAndNobodyElse() {
        String id = lodged();
        String path = "/api/complaints/" + id;

        assertThat(id).matches("TS-\\d{4}-\\d{6}");
        for (String login : new String[] {"mzj.liu", "gaj.wang", "gaj.zhang", "authority.li", "supervisor.qian"}) {
            Response seen = api.get(login, path);
            assertThat(seen.status()).as(login + ": " + seen.body()).isEqualTo(200);
            assertThat(seen.json().path("status").asText()).isEqualTo("INVESTIGATING");
            assertThat(seen.json().path("authorityDepartment").asText()).isEqualTo("sharing-authority");
        }
        // a third department learns nothing, not even that the number exists; the attempt is audited
        Response hidden = api.get("scj.yang", path);
        assertRefusedAndAudited(hidden, 404, null, null);
        assertThat(hidden.body()).doesNotContain("public-security");
        assertThat(api.get("scj.yang", "/api/complaints/TS-2000-999999").json().path("detail").asText())
                .isEqualTo(hidden.json().path("detail").asText().replace(id, "TS-2000-999999"));
        assertRefusedAndAudited(api.get("scj.yang", path + "/evidence/1"), 404, null, null);
        assertRefusedAndAudited(api.post("scj.yang", path + "/withdrawal", ""), 404, null, null);
        assertThat(api.get("scj.yang", "/api/complaints").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("supervisor.qian", "/api/complaints?size=100").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("gaj.wang", "/api/complaints?status=INVESTIGATING&size=100").json().findValuesAsText("id"))
                .contains(id);

        Response file = api.get("gaj.wang", path + "/evidence/1");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/pdf");
        assertThat(file.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
    }

    @Test
    void aStatementThenASubstantiatedFindingOpensAViolationFromTheComplaintWhichIsOrderedRectified() {
        String id = lodged();
        String path = "/api/complaints/" + id;

        assertRefusedAndAudited(api.post("gaj.wang", path + "/investigation", "{\"decision\":\"ASK_STATEMENT\"}"), 403,
                null, null);
        Response asked = api.post("authority.li", path + "/investigation", "{\"decision\":\"ASK_STATEMENT\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().path("statementDue").isTextual()).isTrue();
        assertThat(api.get("gaj.wang", "/api/notices").json().findValuesAsText("kind"))
                .contains("COMPLAINT_STATEMENT_REQUESTED");

        assertRefusedAndAudited(api.post("gaj.zhang", path + "/statement", "{\"statement\":\"x\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("gaj.wang", path + "/statement", "{\"statement\":\" \"}"), 400, "statement",
                "statement-required");
        Response stated = api.post("gaj.wang", path + "/statement", "{\"statement\":\"我局依法拒绝 we refused lawfully\"}");
        assertThat(stated.status()).as(stated.body()).isEqualTo(200);
        assertThat(stated.json().path("statement").path("text").asText()).contains("we refused lawfully");

        assertRefusedAndAudited(api.post("authority.li", path + "/investigation", "{\"decision\":\"SUBSTANTIATED\"}"),
                400, "reasons", "finding-needs-reasons");
        Response found = api.post("authority.li", path + "/investigation",
                "{\"decision\":\"SUBSTANTIATED\",\"reasons\":\"the refusal cites no law\"}");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("status").asText()).isEqualTo("SUBSTANTIATED");
        String violation = found.json().path("violationId").asText();
        assertThat(jdbc.queryForMap("select source, department, subject from violation where id = ?", violation))
                .containsEntry("source", "COMPLAINT").containsEntry("department", "public-security")
                .containsEntry("subject", id);
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("COMPLAINT_SUBSTANTIATED");

        Response ordered = api.post("authority.li", "/api/violations/" + violation + "/rectification", "");
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
        assertThat(ordered.json().path("id").asText()).matches("ZG-\\d{4}-\\d{6}");

        // too late to withdraw
        assertRefusedAndAudited(api.post("mzj.liu", path + "/withdrawal", ""), 409, "status", "withdraw-open-only");
    }

    @Test
    void theComplainantWithdrawsBeforeTheFinding() {
        String id = lodged();
        assertRefusedAndAudited(api.post("gaj.wang", "/api/complaints/" + id + "/withdrawal", ""), 403, null, null);
        Response withdrawn = api.post("mzj.liu", "/api/complaints/" + id + "/withdrawal", "");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndAudited() {
        String request = request();
        ObjectNode wrong = complaint("civil-affairs", "NOT_AN_ACT", "GX-2000-000001", "no-such-event");
        wrong.put("occurredOn", "2999-01-01").put("facts", "");
        Response refused = api.post("mzj.liu", "/api/complaints", wrong.toString());
        assertRefusedAndAudited(refused, 400, "respondent", "another-department");
        assertThat(refused.json().path("errors").findValuesAsText("rule")).contains("violation-type", "not-in-future",
                "required-at-most-4000", "citable-case", "citable-audit-event");

        // Market Supervision is no party to Civil Affairs' request: it may not cite it, and is told no more than that
        Response notTheirs = api.post("scj.yang", "/api/complaints",
                complaint("public-security", "REFUSED_SHARING", request, null).toString());
        assertRefusedAndAudited(notTheirs, 400, "cases[0]", "citable-case");

        assertRefusedAndAudited(api.postJsonAndFile("mzj.liu", "/api/complaints", "complaint",
                complaint("public-security", "REFUSED_SHARING", null, null).toString(), "evidence", "fake.pdf",
                "application/pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)), 400, "evidence[0]",
                "content-matches-type");
        assertRefusedAndAudited(api.postJsonAndFile("mzj.liu", "/api/complaints", "complaint",
                complaint("public-security", "REFUSED_SHARING", null, null).toString(), "evidence", "a.exe",
                "application/octet-stream", PDF), 400, "evidence[0]", "type");
        // the sharing authority does not complain to itself
        assertRefusedAndAudited(api.post("authority.li", "/api/complaints",
                complaint("public-security", "REFUSED_SHARING", null, null).toString()), 403, null, null);
    }
}
