package org.govshare.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.document.IssuedPdfs;
import org.govshare.seal.Sealing;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A dispute over HTTP on PostgreSQL and Elasticsearch: Public Security refuses Civil Affairs' request, Civil Affairs
 * disputes it, both sides state their case, the authority meets them and grants in part, and the grant is issued by
 * the ruling, which both sides download sealed; officials of the wrong department are refused at every step.
 */
class DisputesIT extends IntegrationTest {

    @Autowired
    Sealing sealing;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private String refusedRequest() {
        return refusedRequest(api);
    }

    /** A request of Civil Affairs' for Public Security's residents, refused by its reviewer citing the law. */
    static String refusedRequest(Api api) {
        String code = CatalogEntries.publish(api, "gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        String id = RequestsThroughTheSteps.ask(api, "mzj.liu", """
                {"resourceCode":"%s","items":["公民身份号码","姓名"],"purpose":"低保申请人身份核验 identity checks",
                 "duty":{"law":"《社会救助暂行办法》","article":"第十一条"},"scenario":"ADMINISTRATIVE_APPROVAL",
                 "validFrom":"%s","validUntil":"%s","officials":["mzj.liu"]}""".formatted(code, TODAY, TODAY.plusDays(89)))
                .json().path("id").asText();
        Response refused = RequestsThroughTheSteps.reply(api, "gaj.wang", id, """
                {"decision":"REFUSE","legalBasisLaw":"《中华人民共和国居民身份证法》","legalBasisArticle":"第十九条",
                 "reasons":"the purpose does not need the full identity record"}""");
        assertThat(refused.json().path("status").asText()).as(refused.body()).isEqualTo("REFUSED");
        return id;
    }

    @Test
    void aRefusalIsDisputedStatedAndGrantedInPartAndOnlyTheRightDepartmentsActAtEachStep() {
        String requestId = refusedRequest();
        String body = """
                {"requestId":"%s","items":["公民身份号码","姓名"],"grounds":"核验身份必须比对姓名 the name is needed"}"""
                .formatted(requestId);

        assertRefusedAndAudited(api.post("gaj.zhang", "/api/disputes", body), 403, null, null);
        assertRefusedAndAudited(api.post("mzj.chen", "/api/disputes", body), 403, null, null);
        assertRefusedAndAudited(api.post("mzj.liu", "/api/disputes", """
                {"requestId":"%s","grounds":" "}""".formatted(requestId)), 400, "grounds", "grounds-required");
        Response filed = api.post("mzj.liu", "/api/disputes", body);

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        assertThat(id).matches("ZY-\\d{4}-\\d{6}");
        assertThat(filed.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(filed.json().path("statementDue").asText()).isNotBlank();
        assertRefusedAndAudited(api.post("mzj.liu", "/api/disputes", body), 409, "requestId", "one-open-dispute");
        assertThat(api.get("gaj.wang", "/api/disputes").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("authority.li", "/api/disputes?status=OPEN").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("scj.yang", "/api/disputes").json().findValuesAsText("id")).doesNotContain(id);
        assertRefusedAndAudited(api.get("scj.yang", "/api/disputes/" + id), 403, null, null);
        assertRefusedAndAudited(api.get("supervisor.qian", "/api/disputes/" + id), 403, null, null);
        assertThat(api.get("mzj.liu", "/api/disputes/" + id + "/ruling.pdf").status()).as("no ruling yet").isEqualTo(404);

        String statement = "{\"statement\":\"%s\"}";
        assertRefusedAndAudited(api.post("scj.huang", "/api/disputes/" + id + "/statement", statement.formatted("x")),
                403, null, null);
        assertRefusedAndAudited(api.post("gaj.zhang", "/api/disputes/" + id + "/statement", statement.formatted("x")),
                403, null, null);
        assertRefusedAndAudited(api.post("mzj.liu", "/api/disputes/" + id + "/statement", statement.formatted(" ")),
                400, "statement", "statement-required");
        assertThat(api.post("mzj.liu", "/api/disputes/" + id + "/statement",
                statement.formatted("办理低保须核对姓名 we must match the name")).status()).isEqualTo(200);
        assertRefusedAndAudited(api.post("authority.li", "/api/disputes/" + id + "/ruling",
                "{\"decision\":\"UPHOLD\",\"reasons\":\"too early\"}"), 409, "status", "not-waiting");
        Response stated = api.post("gaj.wang", "/api/disputes/" + id + "/statement",
                statement.formatted("身份证号已足以核验 the number suffices"));
        assertThat(stated.json().path("providerStatement").path("text").asText()).as(stated.body())
                .contains("the number suffices");

        String ruling = """
                {"decision":"GRANT_IN_PART","items":["公民身份号码","姓名"],"validUntil":"%s","conditions":"仅限低保审批",
                 "reasons":"the name is needed at the counter, for a shorter period",
                 "meeting":{"date":"%s","attendees":"mzj.liu, gaj.wang, authority.li","outcome":"both agree on a shorter period"}}"""
                .formatted(TODAY.plusDays(59), TODAY);
        assertRefusedAndAudited(api.post("mzj.liu", "/api/disputes/" + id + "/ruling", ruling), 403, null, null);
        assertRefusedAndAudited(api.post("gaj.wang", "/api/disputes/" + id + "/ruling", ruling), 403, null, null);
        assertRefusedAndAudited(api.post("authority.li", "/api/disputes/" + id + "/ruling",
                "{\"decision\":\"UPHOLD\"}"), 400, "reasons", "ruling-needs-reasons");
        Response ruled = api.post("authority.li", "/api/disputes/" + id + "/ruling", ruling);

        assertThat(ruled.status()).as(ruled.body()).isEqualTo(200);
        JsonNode dispute = ruled.json();
        assertThat(dispute.path("status").asText()).isEqualTo("GRANTED");
        assertThat(dispute.path("meetings").findValuesAsText("attendees")).containsExactly("mzj.liu, gaj.wang, authority.li");
        JsonNode grant = api.get("mzj.liu", "/api/grants/" + dispute.path("grantId").asText()).json();
        assertThat(grant.path("items").toString()).isEqualTo("[\"公民身份号码\",\"姓名\"]");
        assertThat(grant.path("validUntil").asText()).isEqualTo(TODAY.plusDays(59).toString());
        assertThat(grant.path("sourceType").asText()).isEqualTo("dispute");
        assertThat(grant.path("sourceId").asText()).isEqualTo(id);
        assertThat(grant.path("conditions").asText()).contains("仅限低保审批");
        assertThat(api.get("gaj.wang", "/api/notices").json().findValuesAsText("kind")).contains("DISPUTE_GRANTED");
        assertThat(auditEventsOf(ruled.correlationId())).extracting(e -> e.get("action"))
                .contains("DISPUTE_MEETING_RECORDED", "DISPUTE_RULED", "GRANT_ISSUED", "REQUEST_GRANTED");
        // the request no longer reads REFUSED: both sides see the ruling's outcome and its grant
        for (String side : new String[] {"mzj.liu", "gaj.wang"}) {
            JsonNode request = api.get(side, "/api/requests/" + requestId).json();
            assertThat(request.path("status").asText()).as(request.toString()).isEqualTo("OVERTURNED");
            assertThat(request.path("grantId").asText()).isEqualTo(dispute.path("grantId").asText());
        }
        // the ruling as issued: sealed by the authority, the same bytes for both sides and the authority
        String rulingPdf = "/api/disputes/" + id + "/ruling.pdf";
        byte[] issued = IssuedPdfs.download(port, "mzj.liu", rulingPdf);
        assertThat(IssuedPdfs.download(port, "gaj.wang", rulingPdf)).isEqualTo(issued);
        assertThat(IssuedPdfs.download(port, "authority.li", rulingPdf)).isEqualTo(issued);
        IssuedPdfs.assertIssuedByTheAuthority(sealing, issued, id, "争议裁决书", "部分准予共享 Granted in part",
                dispute.path("grantId").asText(), "the name is needed at the counter");
        assertRefusedAndAudited(api.get("scj.yang", rulingPdf), 403, null, null);
        assertThat(auditEventsOf(ruled.correlationId())).extracting(e -> e.get("action"))
                .contains("SEAL_MADE", "DOCUMENT_ISSUED");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/disputes/" + id + "/withdrawal", ""), 409, "status",
                "withdraw-open-only");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/disputes", body), 409, "requestId", "dispute-already-ruled");
    }

    @Test
    void theApplicantWithdrawsAnOpenDisputeAndOnlyItsOwnDepartmentMay() {
        String id = api.post("mzj.liu", "/api/disputes", """
                {"requestId":"%s","grounds":"the refusal cites the wrong article"}""".formatted(refusedRequest()))
                .json().path("id").asText();

        assertRefusedAndAudited(api.post("gaj.wang", "/api/disputes/" + id + "/withdrawal", ""), 403, null, null);
        Response withdrawn = api.post("mzj.liu", "/api/disputes/" + id + "/withdrawal", "");

        assertThat(withdrawn.json().path("status").asText()).as(withdrawn.body()).isEqualTo("WITHDRAWN");
        assertThat(api.get("gaj.wang", "/api/notices").json().findValuesAsText("kind")).contains("DISPUTE_WITHDRAWN");
    }
}
