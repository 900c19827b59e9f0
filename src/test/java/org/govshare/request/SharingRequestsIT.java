package org.govshare.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.vocabulary.ConditionType;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.govshare.rules.PackInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sharing requests over HTTP on PostgreSQL and Elasticsearch, with officials of the right departments: one request
 * of each kind (granted by the rules, reviewed and narrowed, refused by the rules, withdrawn), every bad input
 * refused with field and rule and nothing stored, and officials of other departments refused.
 */
class SharingRequestsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    PackInForce pack;

    /** These are the paths without the optional steps; RequestApprovalsIT walks the approvals over HTTP. */
    @BeforeEach
    void underAPackWithoutStepsAroundTheReview() {
        assumeThat(ApprovalStep.anyOn(pack)).as("a step around the provider's review").isFalse();
    }

    private String residents() {
        CatalogEntry residents = CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode());
        List<CatalogEntry.SharingCondition> conditions = new java.util.ArrayList<>(residents.conditions());
        conditions.add(new CatalogEntry.SharingCondition(ConditionType.MAX_GRANT_DAYS, "180"));
        return publish("gaj.wang", withConditions(residents, conditions));
    }

    private static CatalogEntry withConditions(CatalogEntry e, List<CatalogEntry.SharingCondition> conditions) {
        return new CatalogEntry(e.code(), e.name(), e.summary(), e.providerDepartment(), e.collectingDepartment(),
                e.statutoryDuty(), e.kind(), e.classification(), e.format(), e.items(), e.sharingType(), e.sharingConditions(),
                conditions, e.legalBasis(), e.sharingMethod(), e.openToPublic(), e.openConditions(), e.updateCycle(),
                e.publishDate(), e.relatedCodes(), e.tier(), e.regionCode());
    }

    private static ObjectNode request(String code, String... items) {
        return SharingRequestBodies.request(code, "mzj.liu", items);
    }

    private long requestCount() {
        return jdbc.queryForObject("select count(*) from sharing_request", Long.class);
    }

    @Test
    void anUnconditionalResourceIsGrantedAtOnceAndTheGrantIsSeenByBothSidesOnly() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        ObjectNode body = request(code, "统一社会信用代码", "组织名称");
        body.set("officials", JSON.valueToTree(List.of("gaj.zhang")));

        Response submitted = RequestsThroughTheSteps.ask(api, "gaj.zhang", body.toString());

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode request = submitted.json();
        String id = request.path("id").asText();
        assertThat(id).matches("GX-\\d{4}-\\d{6}");
        assertThat(request.path("status").asText()).isEqualTo("GRANTED");
        assertThat(request.path("eligibility").asText()).isEqualTo("GRANT");
        assertThat(request.path("ruleSetVersion").asText()).hasSize(64)
                .isEqualTo(api.get("rules.sun", "/api/rules").json().path("version").asText());
        assertThat(request.path("findings").findValuesAsText("article")).containsExactly("13, 14");
        String grantId = request.path("grantId").asText();
        assertThat(api.get("gaj.zhang", "/api/grants?side=consumer").json().findValuesAsText("id")).contains(grantId);
        assertThat(api.get("mzj.chen", "/api/grants?side=provider").json().findValuesAsText("id")).contains(grantId);
        assertThat(api.get("authority.li", "/api/grants/" + grantId).json().path("status").asText()).isEqualTo("ACTIVE");
        assertRefusedAndAudited(api.get("scj.yang", "/api/grants/" + grantId), 403, null, null);
        assertRefusedAndAudited(api.get("scj.yang", "/api/requests/" + id), 403, null, null);
        List<java.util.Map<String, Object>> events = auditEventsOf(submitted.correlationId());
        assertThat(events).extracting(e -> e.get("action")).contains("REQUEST_SUBMITTED", "REQUEST_DECIDED", "GRANT_ISSUED",
                "REQUEST_GRANTED");
        assertThat(events).filteredOn(e -> "REQUEST_DECIDED".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("details")).contains(request.path("ruleSetVersion").asText()));

        Response revokedByConsumer = api.post("gaj.zhang", "/api/grants/" + grantId + "/revocation", "{\"reason\":\"no\"}");
        assertRefusedAndAudited(revokedByConsumer, 403, null, null);
        Response revoked = api.post("mzj.chen", "/api/grants/" + grantId + "/revocation", "{\"reason\":\"the case is closed\"}");
        assertThat(revoked.json().path("status").asText()).as(revoked.body()).isEqualTo("REVOKED");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/grants/" + grantId + "/revocation", "{\"reason\":\"again\"}"),
                409, "status", "revoke-valid-grants-only");
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    /** A request for an unconditional resource of its own, granted by the rules; its id. */
    private String grantedAtOnce() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        ObjectNode body = request(code, "统一社会信用代码");
        body.set("officials", JSON.valueToTree(List.of("gaj.zhang")));
        return RequestsThroughTheSteps.ask(api, "gaj.zhang", body.toString()).json().path("id").asText();
    }

    private String processOf(String requestId) {
        return jdbc.queryForObject("select process_instance_id from sharing_request where id = ?", String.class, requestId);
    }

    /**
     * A request's first step binds it to its process once: a second process started for it, or one started for a
     * request no longer waiting for its first step, fails, and the binding it tried is rolled back with it.
     */
    @Test
    void aRequestIsBoundToOneProcessOnceAndOnlyWhileItWaitsForItsFirstStep() {
        String id = grantedAtOnce();
        String bound = processOf(id);

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(SharingRequests.PROCESS, id, java.util.Map.of("requestNumber", id)))
                .hasStackTraceContaining("is not waiting for its first step");
        assertThat(processOf(id)).isEqualTo(bound);

        // unbound, but granted already: the step binds it, finds it is not waiting, and the binding is undone
        jdbc.update("update sharing_request set process_instance_id = null where id = ?", id);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(SharingRequests.PROCESS, id, java.util.Map.of("requestNumber", id)))
                .hasStackTraceContaining("is not waiting for its first step");
        assertThat(processOf(id)).isNull();
        jdbc.update("update sharing_request set process_instance_id = ? where id = ?", bound, id);
    }

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    /** A request's history may be removed ten years after it starts, a date each history row gets as it is written. */
    @Test
    void theHistoryOfARequestIsKeptTenYearsFromItsStart() {
        String instance = processOf(grantedAtOnce());

        var ended = history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
        assertThat(ended.getEndTime()).as("granted at once").isNotNull();
        assertThat(ended.getRemovalTime()).isEqualTo(java.util.Date.from(ended.getStartTime().toInstant()
                .plus(java.time.Duration.ofDays(3650))));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                .isNotEmpty().allSatisfy(step -> assertThat(step.getRemovalTime()).isEqualTo(ended.getRemovalTime()));
    }

    /** What a task shows is written into the process only when a task will show it: not for a request granted at once. */
    @Test
    void aRequestGrantedAtOnceWritesNoVariablesForTasks() {
        String instance = processOf(grantedAtOnce());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
                .contains("requestNumber", "eligibility")
                .doesNotContain("resourceName", "applicantDepartment", "providerDepartment", "requestSummary");
    }

    @Test
    void aConditionalRequestIsReviewedByTheProviderWhoMayNotRefuseWithoutALegalBasisAndNarrowsIt() {
        String code = residents();
        Response system = api.post("mzj.liu", "/api/systems", "{\"name\":\"低保审批系统\",\"contact\":\"信息科 0371-1234\"}");
        String clientId = system.json().path("clientId").asText();
        ObjectNode body = request(code, "公民身份号码", "姓名");
        body.set("systems", JSON.valueToTree(List.of(clientId)));

        JsonNode request = RequestsThroughTheSteps.ask(api, "mzj.liu", body.toString()).json();
        String id = request.path("id").asText();
        assertThat(request.path("status").asText()).as(request.toString()).isEqualTo("IN_REVIEW");
        assertThat(request.path("replyDue").asText()).isNotBlank();
        assertThat(api.get("gaj.wang", "/api/requests?side=provider&status=IN_REVIEW").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("gaj.wang", "/api/notices").json().findValuesAsText("objectId")).contains(id);
        long stored = requestCount();
        Response again = api.post("mzj.liu", "/api/requests", body.toString());
        assertRefusedAndAudited(again, 409, "resourceCode", "one-open-request");
        assertThat(again.body()).as("names the open request").contains(id);
        assertThat(requestCount()).as("nothing stored").isEqualTo(stored);

        assertRefusedAndAudited(api.post("scj.huang", "/api/requests/" + id + "/reply", "{\"decision\":\"APPROVE\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("gaj.wang", "/api/requests/" + id + "/reply",
                "{\"decision\":\"REFUSE\",\"reasons\":\"not needed\"}"), 400, "legalBasisLaw", "refusal-cites-legal-basis");
        String task = api.get("gaj.wang", "/engine-rest/task?processInstanceBusinessKey=" + id).json().get(0).path("id").asText();
        assertRefusedAndAudited(api.post("gaj.wang", "/engine-rest/task/" + task + "/submit-form", """
                {"variables":{"replyDecision":{"value":"REFUSE"},"replyReasons":{"value":"not needed"}}}"""),
                400, "refusalLaw", "refusal-cites-legal-basis");
        assertThat(api.get("mzj.liu", "/api/requests/" + id).json().path("status").asText()).isEqualTo("IN_REVIEW");

        Response narrowed = RequestsThroughTheSteps.reply(api, "gaj.wang", id, """
                {"decision":"NARROW","items":["公民身份号码"],"conditions":"仅限窗口核验","reasons":"the name is not needed"}""");

        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        assertThat(narrowed.json().path("status").asText()).isEqualTo("GRANTED");
        assertThat(narrowed.json().path("reply").path("decision").asText()).isEqualTo("NARROW");
        JsonNode grant = api.get("mzj.liu", "/api/grants/" + narrowed.json().path("grantId").asText()).json();
        assertThat(grant.path("items").findValuesAsText("")).isEmpty();
        assertThat(grant.path("items").toString()).isEqualTo("[\"公民身份号码\"]");
        assertThat(grant.path("systems").toString()).contains(clientId);
        assertThat(grant.path("conditions").asText()).contains("仅限窗口核验");
        Response asSystem = api.getWithPassword(clientId, system.json().path("clientSecret").asText(), "/api/grants");
        assertThat(asSystem.json().findValuesAsText("id")).contains(grant.path("id").asText());
    }

    @Test
    void theReviewersWorkgroupReadsTheCaseOfItsTaskAndNobodyElseThroughTheEngine() {
        String id = RequestsThroughTheSteps.ask(api, "mzj.liu", request(residents(), "公民身份号码").toString()).json().path("id").asText();
        String instance = jdbc.queryForObject("select proc_inst_id_ from act_ru_execution where business_key_ = ?"
                + " and parent_id_ is null", String.class, id);
        String variables = "/engine-rest/variable-instance?processInstanceIdIn=" + instance;

        assertThat(api.get("gaj.wang", variables).json().findValuesAsText("name"))
                .as("the reviewers offered the task see its case in Tasklist").contains("requestNumber", "resourceName");
        assertThat(api.get("gaj.wang", "/engine-rest/process-instance?processInstanceIds=" + instance).json()
                .findValuesAsText("businessKey")).containsExactly(id);
        for (String outsider : new String[] {"scj.huang", "mzj.liu", "gaj.zhang"}) {
            assertThat(api.get(outsider, variables).json()).as(outsider).isEmpty();
        }
        assertThat(api.get("gaj.wang", "/engine-rest/process-definition?key=sharing-request").json()
                .findValuesAsText("name")).as("officials read the processes' names").isNotEmpty();

        RequestsThroughTheSteps.reply(api, "gaj.wang", id, "{\"decision\":\"APPROVE\"}");
        assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization where resource_id_ = ?", Long.class,
                instance)).as("the grant to read the case ends with the case").isZero();
    }

    @Test
    void aNonSharingResourceIsRefusedByTheRulesAndTheApplicantIsTold() {
        String code = publish("gaj.wang", CatalogEntries.investigations(CatalogEntries.nextCode("102001", "101")));

        JsonNode request = RequestsThroughTheSteps.ask(api, "mzj.liu", request(code, "案件编号").toString()).json();

        assertThat(request.path("status").asText()).as(request.toString()).isEqualTo("REFUSED");
        assertThat(request.path("findings").findValuesAsText("rule")).containsExactly("A non-sharing resource is never granted");
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("REQUEST_REFUSED");
    }

    @Test
    void theApplicantWithdrawsAnOpenRequestAndOnlyItsOwnDepartmentMay() {
        String id = RequestsThroughTheSteps.ask(api, "mzj.liu", request(residents(), "公民身份号码").toString()).json().path("id").asText();

        assertRefusedAndAudited(api.post("gaj.zhang", "/api/requests/" + id + "/withdrawal", ""), 403, null, null);
        Response withdrawn = api.post("mzj.liu", "/api/requests/" + id + "/withdrawal", "");

        assertThat(withdrawn.json().path("status").asText()).as(withdrawn.body()).isEqualTo("WITHDRAWN");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests/" + id + "/withdrawal", ""), 409, "status", "withdraw-open-only");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndTheRuleAndNothingIsStored() {
        String code = residents();
        long before = requestCount();

        ObjectNode unknown = request("101001/101999", "公民身份号码");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", unknown.toString()), 400, "resourceCode", "unknown-resource");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", request(code, "婚姻状况").toString()), 400, "items[0]",
                "item-not-in-resource");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", request(code).toString()), 400, "items", "items-required");
        ObjectNode blankPurpose = request(code, "姓名");
        blankPurpose.put("purpose", " ");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", blankPurpose.toString()), 400, "purpose", "purpose-required");
        ObjectNode past = request(code, "姓名");
        past.put("validFrom", TODAY.minusDays(3).toString());
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", past.toString()), 400, "validFrom", "period-in-past");
        ObjectNode reversed = request(code, "姓名");
        reversed.put("validUntil", TODAY.minusDays(1).toString());
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", reversed.toString()), 400, "validUntil", "period-reversed");
        ObjectNode tooLong = request(code, "姓名");
        tooLong.put("validUntil", TODAY.plusDays(200).toString());
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", tooLong.toString()), 400, "validUntil",
                "period-longer-than-allowed");
        ObjectNode strangers = request(code, "姓名");
        strangers.set("officials", JSON.valueToTree(List.of("gaj.zhang")));
        strangers.set("systems", JSON.valueToTree(List.of("sys-doesnotexist")));
        Response users = RequestsThroughTheSteps.ask(api, "mzj.liu", strangers.toString());
        assertRefusedAndAudited(users, 400, "officials[0]", "not-an-official-of-the-applicant");
        assertThat(users.json().path("errors").findValuesAsText("field")).contains("systems[0]");
        ObjectNode noScenario = request(code, "姓名");
        noScenario.remove("scenario");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", noScenario.toString()), 400, "scenario", "required");

        ObjectNode forAnother = request(code, "姓名");
        forAnother.put("applicantDepartment", "market-supervision");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests", forAnother.toString()), 403, null, null);
        assertRefusedAndAudited(api.post("mzj.chen", "/api/requests", request(code, "姓名").toString()), 403, null, null);

        assertThat(requestCount()).isEqualTo(before);
    }
}
