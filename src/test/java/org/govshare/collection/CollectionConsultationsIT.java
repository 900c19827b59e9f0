package org.govshare.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.catalog.CatalogEntries;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Collection consultations over HTTP on PostgreSQL and Elasticsearch: Human Resources asks who collects; Public
 * Security and Civil Affairs answer; the collector registers the resource and its publication meets the need. An
 * official of a wrong department or role is refused at each step, with the refusal audited.
 */
class CollectionConsultationsIT extends IntegrationTest {


    private String recordNeed() {
        Response need = api.post("rsj.zhou", "/api/needs", """
                {"description":"求职人员无犯罪记录","wantedItems":["无犯罪记录证明编号-%d"],"purpose":"公务员招录政审",
                 "legalDuty":"《公务员录用规定》"}""".formatted(System.nanoTime()));
        assertThat(need.status()).as(need.body()).isEqualTo(201);
        return need.json().path("need").path("id").asText();
    }

    private String consult(String needId) {
        Response started = api.post("rsj.zhou", "/api/consultations", """
                {"departments":["public-security","civil-affairs"],"information":"求职人员无犯罪记录信息",
                 "items":["无犯罪记录证明编号","公民身份号码"],"purpose":"公务员招录政审","legalDuty":"《公务员录用规定》第二十二条",
                 "needId":%s}""".formatted(needId == null ? "null" : "\"" + needId + "\""));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asText();
    }

    private JsonNode consultation(String login, String id) {
        return api.get(login, "/api/consultations/" + id).json();
    }

    @Test
    void oneAcceptanceThenRegistrationAndPublicationMeetTheNeedWithWrongDepartmentsRefusedAtEachStep() {
        String needId = recordNeed();
        assertRefusedAndAudited(api.post("rsj.zhou", "/api/consultations", """
                {"departments":["human-resources"],"information":"x","items":["y"],"purpose":"p","legalDuty":"d"}"""),
                400, "departments", "not-own-department");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/consultations", """
                {"departments":["public-security"],"information":"x","items":["y"],"purpose":"p","legalDuty":"d"}"""),
                403, null, null);
        String id = consult(needId);
        assertThat(id).matches("XS-\\d{4}-\\d{6}");
        JsonNode started = consultation("rsj.zhou", id);
        assertThat(started.path("status").asText()).isEqualTo("CONSULTING");
        assertThat(started.path("answerDue").asText()).isNotBlank();
        assertThat(api.get("gaj.wang", "/api/consultations").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("authority.li", "/api/consultations").json().findValuesAsText("id")).contains(id);
        assertRefusedAndAudited(api.get("scj.yang", "/api/consultations/" + id), 403, null, null);
        assertThat(api.get("scj.yang", "/api/consultations").json().findValuesAsText("id")).doesNotContain(id);

        // answers: only the PROVIDER_REVIEWER officials of the departments named
        assertRefusedAndAudited(api.post("scj.huang", "/api/consultations/" + id + "/answer", "{\"answer\":\"WE_COLLECT\"}"),
                403, null, null);
        assertRefusedAndAudited(api.post("gaj.zhang", "/api/consultations/" + id + "/answer", "{\"answer\":\"WE_COLLECT\"}"),
                403, null, null);
        assertRefusedAndAudited(api.post("mzj.liu", "/api/consultations/" + id + "/answer", "{\"answer\":\"WE_COLLECT\"}"),
                403, null, null);
        Response accepted = api.post("gaj.wang", "/api/consultations/" + id + "/answer", "{\"answer\":\"OUR_DUTY\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertRefusedAndAudited(api.post("gaj.wang", "/api/consultations/" + id + "/answer", "{\"answer\":\"NOT_OURS\",\"reasons\":\"x\"}"),
                409, "status", "not-waiting");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/consultations/" + id + "/answer", "{\"answer\":\"NOT_OURS\"}"),
                400, "reasons", "not-ours-needs-reasons");
        JsonNode answered = api.post("mzj.chen", "/api/consultations/" + id + "/answer",
                "{\"answer\":\"NOT_OURS\",\"reasons\":\"犯罪记录由公安机关出具\"}").json();
        assertThat(answered.path("status").asText()).as(answered.toString()).isEqualTo("REGISTERING");
        assertThat(answered.path("collectingDepartment").asText()).isEqualTo("public-security");
        assertThat(answered.path("answers").findValuesAsText("answeredBy")).containsExactly("gaj.wang", "mzj.chen");
        assertRefusedAndAudited(api.post("authority.li", "/api/consultations/" + id + "/ruling",
                "{\"decision\":\"ASSIGN\",\"collectingDepartment\":\"civil-affairs\",\"reasons\":\"x\"}"), 409, "status", "not-waiting");

        // registration: the collector's own catalog submission
        Response submitted = api.post("gaj.wang", "/api/catalog/submissions",
                CatalogEntries.bodyForPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode())).toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String submissionId = submitted.json().path("id").asText();
        assertRefusedAndAudited(api.post("mzj.chen", "/api/consultations/" + id + "/registration",
                "{\"submissionId\":\"" + submissionId + "\"}"), 403, null, null);
        JsonNode registering = api.post("gaj.wang", "/api/consultations/" + id + "/registration",
                "{\"submissionId\":\"" + submissionId + "\"}").json();
        assertThat(registering.path("submissionId").asText()).as(registering.toString()).isEqualTo(submissionId);
        assertThat(registering.path("status").asText()).isEqualTo("REGISTERING");

        CatalogEntries.headApproves(api, submitted.json());
        Response published = api.post("authority.li", "/api/catalog/submissions/" + submissionId + "/review",
                "{\"decision\":\"PUBLISH\"}");
        assertThat(published.json().path("status").asText()).as(published.body()).isEqualTo("PUBLISHED");

        JsonNode collected = consultation("rsj.zhou", id);
        assertThat(collected.path("status").asText()).isEqualTo("COLLECTED");
        String code = submitted.json().path("code").asText();
        assertThat(collected.path("resourceCode").asText()).isEqualTo(code);
        JsonNode need = api.get("rsj.zhou", "/api/needs").json();
        assertThat(need.findValues("need")).filteredOn(n -> n.path("id").asText().equals(needId)).singleElement()
                .satisfies(n -> {
                    assertThat(n.path("status").asText()).isEqualTo("MET");
                    assertThat(n.path("metByResource").asText()).isEqualTo(code);
                });
        assertThat(auditEventsOf(published.correlationId())).extracting(e -> e.get("action"))
                .contains("CATALOG_PUBLISHED", "CONSULTATION_COLLECTED", "NEED_MET");
    }

    @Test
    void withoutASingleAcceptanceTheAuthorityRulesAndOnlyTheAuthority() {
        String id = consult(null);
        api.post("gaj.wang", "/api/consultations/" + id + "/answer", "{\"answer\":\"NOT_OURS\",\"reasons\":\"民政职责\"}");
        api.post("mzj.chen", "/api/consultations/" + id + "/answer", "{\"answer\":\"NOT_OURS\",\"reasons\":\"无采集手段\"}");
        assertThat(consultation("authority.li", id).path("status").asText()).isEqualTo("RULING");

        String ruling = "{\"decision\":\"HAND_TO_AUTHORITY\",\"collectingDepartment\":\"public-security\","
                + "\"businessAuthority\":\"civil-affairs\",\"reasons\":\"公安窗口已采集，登记后移交民政\"}";
        assertRefusedAndAudited(api.post("gaj.wang", "/api/consultations/" + id + "/ruling", ruling), 403, null, null);
        assertRefusedAndAudited(api.post("authority.li", "/api/consultations/" + id + "/ruling",
                "{\"decision\":\"HAND_TO_AUTHORITY\",\"collectingDepartment\":\"public-security\",\"reasons\":\"x\"}"),
                400, "businessAuthority", "required");
        JsonNode ruled = api.post("authority.li", "/api/consultations/" + id + "/ruling", ruling).json();

        assertThat(ruled.path("status").asText()).as(ruled.toString()).isEqualTo("REGISTERING");
        assertThat(ruled.path("ruling").path("decision").asText()).isEqualTo("HAND_TO_AUTHORITY");
        assertThat(ruled.path("ruling").path("by").asText()).isEqualTo("authority.li");
        assertThat(ruled.path("businessAuthority").asText()).isEqualTo("civil-affairs");
        assertThat(api.get("mzj.chen", "/api/consultations/" + id).status()).isEqualTo(200);
    }
}
