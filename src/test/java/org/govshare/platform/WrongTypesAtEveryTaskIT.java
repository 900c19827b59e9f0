package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.request.SharingRequestBodies;
import org.govshare.rules.OptionalStep;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.govshare.support.WebappLogin;
import org.govshare.support.WebappLogin.Browser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One way into every task: for every user task of every process in {@code processes/}, each field its form lets a
 * person set is sent with each type it must not have, through {@code /engine-rest/task/{id}/complete}, and each answer
 * is a 400 naming the field, audited, with the task still open and its variables as they were. The tasks are found by
 * walking the models and their forms; how a case reaches each task is the one thing written by hand ({@link #REACH}),
 * so a new process or task fails here until it says how to reach it.
 */
class WrongTypesAtEveryTaskIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a form field holds, from its form-js type. */
    enum Kind { TEXT, BOOLEAN, NUMBER, DATE }

    /** A wrong value, as /engine-rest takes it, and the rule its refusal names. */
    record Wrong(String name, String variable, String rule) {
    }

    private static final Wrong NUMBER = new Wrong("a number", "{\"value\":42,\"type\":\"Integer\"}", "wrong-type");
    private static final Wrong BOOLEAN = new Wrong("true/false", "{\"value\":true,\"type\":\"Boolean\"}", "wrong-type");
    private static final Wrong OBJECT = new Wrong("an object", "{\"value\":{\"decision\":\"x\"}}", "wrong-type");
    private static final Wrong JSON_VALUE = new Wrong("JSON", "{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}", "wrong-type");
    private static final Wrong LIST = new Wrong("a list", "{\"value\":[\"a\",\"b\"]}", "wrong-type");
    private static final Wrong TEXT = new Wrong("text", "{\"value\":\"yes\",\"type\":\"String\"}", "wrong-type");
    private static final Wrong NOT_A_DATE = new Wrong("text that is no date", "{\"value\":\"next week\",\"type\":\"String\"}",
            "invalid-format");

    private static final Map<Kind, List<Wrong>> WRONG = Map.of(
            Kind.TEXT, List.of(NUMBER, BOOLEAN, OBJECT, JSON_VALUE, LIST),
            Kind.BOOLEAN, List.of(TEXT, NUMBER, OBJECT, LIST),
            Kind.NUMBER, List.of(TEXT, BOOLEAN, OBJECT, LIST),
            Kind.DATE, List.of(NUMBER, BOOLEAN, OBJECT, LIST, NOT_A_DATE));

    /** An open task: the task query that finds it and who may complete it. */
    record Open(String query, String login) {
    }

    /** How a case reaches each user task, by {@code process/Task_Id}: the only part written by hand. */
    private static final Map<String, Function<WrongTypesAtEveryTaskIT, Open>> REACH = Map.ofEntries(
            Map.entry("sharing-request/Task_ReviewRequest", t -> new Open(byKey(t.requestInReview()), "gaj.wang")),
            Map.entry("sharing-request/Task_ApproveRequest", t -> t.stepOn(OptionalStep.REQUESTER_HEAD_APPROVAL,
                    () -> new Open(byKey(t.requestAwaitingItsHead()), "mzj.he"))),
            Map.entry("sharing-request/Task_CheckConformity", t -> t.stepOn(OptionalStep.AUTHORITY_CONFORMITY_CHECK,
                    () -> new Open(byKey(t.requestAwaitingConformity()), "authority.li"))),
            Map.entry("sharing-request/Task_ApproveReply", t -> t.stepOn(OptionalStep.PROVIDER_HEAD_APPROVAL,
                    () -> new Open(byKey(t.replyAwaitingItsHead()), "gaj.ma"))),
            Map.entry("sharing-request/Task_EscalateRequest", t -> new Open(byKey(t.overdueRequest()), "authority.li")),
            Map.entry("reply-extension/Task_DecideExtension", t -> new Open(byKey(t.extensionAsked()), "authority.li")),
            Map.entry("dispute-coordination/Task_ApplicantStatement", t -> new Open(byKey(t.dispute()), "mzj.liu")),
            Map.entry("dispute-coordination/Task_ProviderStatement", t -> new Open(byKey(t.dispute()), "gaj.wang")),
            Map.entry("dispute-coordination/Task_RuleDispute", t -> new Open(byKey(t.statedDispute()), "authority.li")),
            Map.entry("dispute-coordination/Task_RecordGovernmentDecision",
                    t -> new Open(byKey(t.escalatedDispute()), "authority.li")),
            Map.entry("error-correction/Task_TriageReport", t -> new Open(byKey(t.errorReport()), "authority.li")),
            Map.entry("error-correction/Task_VerifyReport", t -> new Open(byKey(t.forwardedReport()), "mzj.chen")),
            Map.entry("collection-consultation/Task_AnswerConsultation", t -> new Open(byKey(t.consultation()), "gaj.wang")),
            Map.entry("collection-consultation/Task_RuleCollector",
                    t -> new Open(byKey(t.answered("NOT_OURS", "NOT_OURS")), "authority.li")),
            Map.entry("collection-consultation/Task_RegisterResource",
                    t -> new Open(byKey(t.answered("OUR_DUTY", "NOT_OURS")), "gaj.wang")),
            Map.entry("rectification/Task_SubmitReport", t -> new Open(byKey(t.rectification(0)), "gaj.wang")),
            Map.entry("rectification/Task_VerifyRectification", t -> new Open(byKey(t.rectification(1)), "authority.li")),
            Map.entry("rectification/Task_ApproveCriticism", t -> new Open(byKey(t.rectification(2)), "authority.li")),
            Map.entry("rectification/Task_ConsiderSanctions", t -> new Open(byKey(t.rectification(3)), "supervisor.qian")),
            Map.entry("catalog-registration/Task_ApproveSubmission", t -> t.stepOn(OptionalStep.SUBMISSION_ASSESSMENTS,
                    () -> new Open(byKey(t.submissionAwaitingItsHead()), "gaj.ma"))),
            Map.entry("catalog-update/Task_UpdateCatalog", t -> t.stepOn(OptionalStep.CATALOG_UPDATE_DUTY,
                    () -> new Open(byKey(t.catalogChange(false)), "gaj.wang"))),
            Map.entry("catalog-update/Task_DecideExtension", t -> t.stepOn(OptionalStep.CATALOG_UPDATE_DUTY,
                    () -> new Open(byKey(t.catalogChange(true)), "authority.li"))),
            Map.entry("catalog-registration/Task_ReviewEntry", t -> new Open(byKey(t.submission(false)), "authority.li")),
            Map.entry("catalog-registration/Task_ReviseEntry", t -> new Open(byKey(t.submission(true)), "gaj.wang")),
            Map.entry("annual-assessment/Task_ReviewAssessment", t -> new Open(byKey(t.assessmentInReview()), "authority.li")),
            Map.entry("complaint/Task_InvestigateComplaint", t -> new Open(byKey(t.complaint()), "authority.li")),
            Map.entry("complaint/Task_RespondentStatement", t -> new Open(byKey(t.complaintAskingAStatement()), "gaj.wang")),
            Map.entry("suspected-violation-review/Task_ReviewSuspectedViolation",
                    t -> new Open(byKey(t.suspectedViolation()), "authority.li")),
            Map.entry("role-request/Task_ReviewRoleRequest",
                    t -> new Open("processInstanceId=" + t.roleRequest(), "authority.li")),
            Map.entry("grant-disposal/Task_AttestDisposal", t -> t.disposal()),
            Map.entry("sharing-suspension/Task_ReportRectification", t -> new Open(byKey(t.suspension(false)), "mzj.liu")),
            Map.entry("sharing-suspension/Task_VerifyRectification", t -> new Open(byKey(t.suspension(true)), "authority.li")),
            Map.entry("sharing-change/Task_AnswerConsultation", t -> new Open(byKey(t.sharingChange(false)), "gaj.zhang")),
            Map.entry("sharing-change/Task_DecideFiling", t -> new Open(byKey(t.sharingChange(true)), "authority.li")));

    @Autowired
    ManagementService managementService;

    @Autowired
    org.govshare.rules.PackInForce pack;

    @Autowired
    org.govshare.supervision.ViolationRegister violations;

    @Autowired
    org.govshare.detection.SuspectedReviews suspectedReviews;

    @Autowired
    org.govshare.grant.Grants grants;

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryUserTaskRefusesEveryWrongType() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                var bpmn = Bpmn.readModelFromFile(model.toFile());
                for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
                    String process = processOf(task).getId();
                    String name = process + "/" + task.getId();
                    found.add(name);
                    tests.add(DynamicTest.dynamicTest(name, () -> refusesWrongTypes(name, task)));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("every way to reach a task names a task that exists",
                () -> assertThat(found).containsAll(REACH.keySet())));
        return tests.stream();
    }

    /** Tasklist completes tasks through the webapps' own engine API; a hand-made call there is refused the same way. */
    @Test
    void tasklistsEngineApiRefusesAWrongTypeNamingTheVariable() throws IOException {
        String id = requestInReview();
        String taskId = api.get("gaj.wang", "/engine-rest/task?" + byKey(id)).json().get(0).path("id").asText();
        Browser tasklist = new WebappLogin(port).loggedIn("gaj.wang", "tasklist");
        for (Wrong wrong : List.of(OBJECT, LIST, JSON_VALUE)) {
            Response refused = tasklist.postToWebappApi("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                    "{\"variables\":{\"replyDecision\":" + wrong.variable() + "}}");
            assertRefusedAndAudited(refused, 400, "replyDecision", "wrong-type");
        }
        Response scalar = tasklist.postToWebappApi("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                "{\"variables\":{\"replyDecision\":" + NUMBER.variable() + "}}");
        assertRefusedAndAudited(scalar, 400, "replyDecision", "wrong-type");
        assertThat(scalar.json().path("message").asText()).as("what Tasklist shows").contains("replyDecision");
        assertThat(api.get("gaj.wang", "/engine-rest/task/" + taskId).status()).as("the task is still open").isEqualTo(200);
    }

    private void refusesWrongTypes(String name, UserTask task) throws IOException {
        assertThat(REACH).as("%s has no way to reach it: add one to REACH", name).containsKey(name);
        Map<String, Kind> fields = fieldsOf(task);
        assertThat(fields).as("%s lets a person set no field", name).isNotEmpty();
        Open open = REACH.get(name).apply(this);
        org.junit.jupiter.api.Assumptions.assumeTrue(open != null, name + " belongs to a step the pack in force leaves off");
        JsonNode found = api.get(open.login(), "/engine-rest/task?taskDefinitionKey=" + task.getId() + "&" + open.query()).json();
        assertThat(found).as("%s is open to %s", name, open.login()).isNotEmpty();
        String taskId = found.get(0).path("id").asText();
        String variables = "/engine-rest/task/" + taskId + "/variables";
        String before = api.get(open.login(), variables).body();

        for (Map.Entry<String, Kind> field : fields.entrySet()) {
            for (Wrong wrong : WRONG.get(field.getValue())) {
                Response refused = api.post(open.login(), "/engine-rest/task/" + taskId + "/complete",
                        "{\"variables\":{\"" + field.getKey() + "\":" + wrong.variable() + "}}");
                String what = name + " " + field.getKey() + " (" + field.getValue() + ") sent " + wrong.name();
                assertThat(refused.status()).as(what + ": " + refused.body()).isEqualTo(400);
                assertRefusedAndAudited(refused, 400, field.getKey(), wrong.rule());
                Response after = api.get(open.login(), variables);
                assertThat(after.status()).as(what + ": the task is still open").isEqualTo(200);
                assertThat(JSON.readTree(after.body())).as(what + ": nothing stored changed").isEqualTo(JSON.readTree(before));
            }
        }
    }

    /** The fields of the task's form a person may set (not read-only, not disabled), with what each holds. */
    private static Map<String, Kind> fieldsOf(UserTask task) throws IOException {
        String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        assertThat(formRef).as("%s has a Camunda Form (camunda:formRef)", task.getId()).isNotBlank();
        JsonNode form = JSON.readTree(Files.readString(Path.of("forms", formRef + ".form"), StandardCharsets.UTF_8));
        Map<String, Kind> fields = new java.util.LinkedHashMap<>();
        collect(form, fields);
        return fields;
    }

    private static void collect(JsonNode container, Map<String, Kind> fields) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !component.path("readonly").asBoolean() && !component.path("disabled").asBoolean()) {
                fields.put(component.path("key").asText(), kindOf(component));
            }
            collect(component, fields);
        }
    }

    private static Kind kindOf(JsonNode component) {
        String type = component.path("type").asText();
        return switch (type) {
            case "textfield", "textarea", "select" -> Kind.TEXT;
            case "radio" -> component.path("values").path(0).path("value").isBoolean() ? Kind.BOOLEAN : Kind.TEXT;
            case "checkbox" -> Kind.BOOLEAN;
            case "number" -> Kind.NUMBER;
            case "datetime" -> Kind.DATE;
            default -> throw new AssertionError("a form field of type " + type + " (" + component.path("key").asText()
                    + "): say which wrong types it refuses in kindOf");
        };
    }

    /** The process a task belongs to, through any subprocesses it sits in. */
    private static Process processOf(UserTask task) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static String byKey(String businessKey) {
        return "processInstanceBusinessKey=" + businessKey;
    }

    // ---- how a case reaches each task: through the platform API, as the other integration tests do ----

    /** The open task of a step the pack in force turns on; null (the task skipped) where it leaves the step off. */
    private Open stepOn(OptionalStep step, java.util.function.Supplier<Open> reach) {
        return pack.on(step) ? reach.get() : null;
    }

    private String askForResidents() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        return SharingRequestBodies.request(code, "mzj.liu", "公民身份号码", "姓名").toString();
    }

    private String requestInReview() {
        Response asked = RequestsThroughTheSteps.ask(api, "mzj.liu", askForResidents());
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("IN_REVIEW");
        return asked.json().path("id").asText();
    }

    /** A request its applicant's head has still to send on (national Art. 20). */
    private String requestAwaitingItsHead() {
        Response asked = api.post("mzj.liu", "/api/requests", askForResidents());
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("AWAITING_APPROVAL");
        return asked.json().path("id").asText();
    }

    /** A request the authority checks for conformity before its provider sees it (a pack such as Jincheng's). */
    private String requestAwaitingConformity() {
        return RequestsThroughTheSteps.ask(api, "mzj.liu", askForResidents()).json().path("id").asText();
    }

    /** A request its provider's reviewer approved, the reply waiting for the provider's head (national Art. 20). */
    private String replyAwaitingItsHead() {
        String id = requestInReview();
        Response replied = api.post("gaj.wang", "/api/requests/" + id + "/reply", "{\"decision\":\"APPROVE\"}");
        assertThat(replied.json().path("status").asText()).as(replied.body()).isEqualTo("REPLY_AWAITING_APPROVAL");
        return id;
    }

    /** A new catalog entry, assessed, waiting for its department's head (national Art. 13). */
    private String submissionAwaitingItsHead() {
        String code = CatalogEntries.nextPublicSecurityCode();
        Response submitted = api.post("gaj.wang", "/api/catalog/submissions",
                CatalogEntries.bodyForPack(CatalogEntries.residents(code)).toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return code;
    }

    /** A change of law Public Security must answer in its catalog (national Art. 17), with an extension asked, if asked. */
    private String catalogChange(boolean extensionAsked) {
        Response recorded = api.post("gaj.wang", "/api/catalog/changes",
                "{\"basis\":\"《户口登记条例》修订\",\"description\":\"居住证信息并入\",\"effectiveOn\":\"2026-11-23\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().path("id").asText();
        if (extensionAsked) {
            Response asked = api.post("gaj.wang", "/api/catalog/changes/" + id + "/extension",
                    "{\"reason\":\"the provincial schema is not out yet\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        }
        return id;
    }

    /** A request whose provider asked for a longer reply period; a pack without the step has no such task to reach. */
    private String extensionAsked() {
        org.junit.jupiter.api.Assumptions.assumeTrue(pack.on(org.govshare.rules.OptionalStep.REPLY_EXTENSION),
                "the pack in force leaves the reply extension off");
        String id = requestInReview();
        Response asked = api.post("gaj.wang", "/api/requests/" + id + "/extension",
                "{\"workingDays\":5,\"reasons\":\"the archive is held by the province\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        return id;
    }

    /** A request in review whose reply deadline has passed: its deadline timer run now. */
    private String overdueRequest() {
        String id = requestInReview();
        String instance = api.get("gaj.wang", "/engine-rest/task?" + byKey(id)).json().get(0).path("processInstanceId").asText();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId("Timer_ReplyDeadline").singleResult().getId());
        return id;
    }

    private String dispute() {
        String request = requestInReview();
        Response refused = RequestsThroughTheSteps.reply(api, "gaj.wang", request, """
                {"decision":"REFUSE","legalBasisLaw":"《中华人民共和国居民身份证法》","legalBasisArticle":"第十九条",
                 "reasons":"the purpose does not need the full identity record"}""");
        assertThat(refused.json().path("status").asText()).as(refused.body()).isEqualTo("REFUSED");
        Response filed = api.post("mzj.liu", "/api/disputes", """
                {"requestId":"%s","grounds":"核验身份必须比对姓名 the name is needed"}""".formatted(request));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    private String complaint() {
        Response lodged = api.post("mzj.liu", "/api/complaints", """
                {"respondent":"public-security","violationType":"DELAYED_REPLY","occurredOn":"2026-01-05",
                 "facts":"逾期未答复 no reply in time"}""");
        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        return lodged.json().path("id").asText();
    }

    private String complaintAskingAStatement() {
        String id = complaint();
        Response asked = api.post("authority.li", "/api/complaints/" + id + "/investigation", "{\"decision\":\"ASK_STATEMENT\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        return id;
    }

    private String statedDispute() {
        String id = dispute();
        for (String side : List.of("mzj.liu", "gaj.wang")) {
            assertThat(api.post(side, "/api/disputes/" + id + "/statement", "{\"statement\":\"our case, in writing\"}")
                    .status()).isEqualTo(200);
        }
        return id;
    }

    /** A dispute ruled and taken to the people's government (national Art. 28): only under a pack with the step. */
    private String escalatedDispute() {
        org.junit.jupiter.api.Assumptions.assumeTrue(pack.on(org.govshare.rules.OptionalStep.CROSS_LEVEL_DISPUTES),
                "the pack in force has no cross-level-disputes step, so no dispute reaches the government's decision");
        String id = statedDispute();
        assertThat(api.post("authority.li", "/api/disputes/" + id + "/ruling", "{\"decision\":\"UPHOLD\",\"reasons\":\"stands\"}")
                .status()).isEqualTo(200);
        Response escalated = api.post("mzj.liu", "/api/disputes/" + id + "/escalation", "{\"grounds\":\"not accepted\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        return id;
    }

    private String errorReport() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        Response pushed = api.post("mzj.chen", "/api/data/" + code + "/records?mode=REPLACE",
                "[{\"统一社会信用代码\":\"514101000000000002\",\"组织名称\":\"志愿者协会\"}]");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        Response asked = RequestsThroughTheSteps.ask(api, "gaj.zhang", SharingRequestBodies.request(code, "gaj.zhang",
                "统一社会信用代码", "组织名称").put("purpose", "核查涉案组织 checking organisations in a case")
                .put("scenario", "LAW_ENFORCEMENT").toString());
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("GRANTED");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'i'};
        Response made = api.postJsonAndFile("gaj.zhang", "/api/corrections", "report", """
                {"resourceCode":"%s","keyValues":{"统一社会信用代码":"514101000000000002"},"item":"组织名称",
                 "problem":"名称已变更 renamed","proposed":"郑州市志愿者协会"}""".formatted(code),
                "evidence", "通知.png", "image/png", png);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asText();
    }

    private String forwardedReport() {
        String id = errorReport();
        assertThat(api.post("authority.li", "/api/corrections/" + id + "/triage", "{\"decision\":\"FORWARD\"}").status())
                .isEqualTo(200);
        return id;
    }

    private String consultation() {
        Response started = api.post("rsj.zhou", "/api/consultations", """
                {"departments":["public-security","civil-affairs"],"information":"求职人员无犯罪记录信息",
                 "items":["无犯罪记录证明编号","公民身份号码"],"purpose":"公务员招录政审","legalDuty":"《公务员录用规定》第二十二条"}""");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asText();
    }

    /** A consultation both departments answered: public security first, then civil affairs. */
    private String answered(String publicSecurity, String civilAffairs) {
        String id = consultation();
        for (Map.Entry<String, String> answer : List.of(Map.entry("gaj.wang", publicSecurity), Map.entry("mzj.chen", civilAffairs))) {
            Response answered = api.post(answer.getKey(), "/api/consultations/" + id + "/answer",
                    "{\"answer\":\"" + answer.getValue() + "\",\"reasons\":\"职责所在 by our duties\"}");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        }
        return id;
    }

    /**
     * An ended grant's disposal waiting for its holder's attestation (national Art. 27); null under a pack that leaves
     * the step off, where no such task ever exists.
     */
    private Open disposal() {
        if (!pack.on(org.govshare.rules.OptionalStep.DISPOSAL_ATTESTATION)) {
            return null;
        }
        var grant = org.govshare.grant.TestGrants.issue(grants, CatalogEntries.nextCode("203001", "102"), List.of("组织名称"));
        Response ended = api.post("gaj.zhang", "/api/grants/" + grant.id() + "/purpose-met", "{\"note\":\"done\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        return new Open(byKey(grant.id()), "gaj.zhang");
    }

    /** A grant of Civil Affairs' on a resource of Public Security's, issued as a decided request would. */
    private String grantTo(String consumer, String provider, String code) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return grants.issue(new org.govshare.grant.NewGrant(consumer, provider, code, "资源 " + code, List.of("公民身份号码"),
                "身份核验", "《社会救助暂行办法》", "身份核验", List.of(), List.of(), today, today.plusDays(30),
                org.govshare.grant.Grants.SOURCE_REQUEST, "GX-2026-999993", List.of(), List.of())).id();
    }

    /** The authority suspends a grant of Civil Affairs' (a step only some rule packs have); reported, if asked. */
    private String suspension(boolean reported) {
        org.junit.jupiter.api.Assumptions.assumeTrue(pack.on(org.govshare.rules.OptionalStep.SHARING_SUSPENSION));
        String grant = grantTo("civil-affairs", "public-security", CatalogEntries.nextPublicSecurityCode());
        Response suspended = api.post("authority.li", "/api/suspensions",
                "{\"department\":\"civil-affairs\",\"grantId\":\"" + grant + "\",\"reasons\":\"misuse\"}");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(201);
        String id = suspended.json().path("id").asText();
        if (reported) {
            Response report = api.post("mzj.liu", "/api/suspensions/" + id + "/report", "{\"report\":\"rectified\"}");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
        }
        return id;
    }

    /** Civil Affairs files the retirement of a resource Public Security holds (a step only some rule packs have). */
    private String sharingChange(boolean answered) {
        org.junit.jupiter.api.Assumptions.assumeTrue(pack.on(org.govshare.rules.OptionalStep.RETIREMENT_CONSULTATION));
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        grantTo("public-security", "civil-affairs", code);
        Response filed = api.post("mzj.chen", "/api/sharing-changes", "{\"resourceCode\":\"" + code
                + "\",\"kind\":\"RETIREMENT\",\"reasons\":\"merged\",\"effectiveOn\":\"2099-01-01\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        if (answered) {
            Response answer = api.post("gaj.zhang", "/api/sharing-changes/" + id + "/answers", "{\"answer\":\"AGREE\"}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        return id;
    }

    /** A misuse of a grant the supervision rules suspect, its review waiting for the authority. */
    private String suspectedViolation() {
        String grant = "SQ-W-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String id = violations.recordFinding(new org.govshare.supervision.ViolationRegister.Detected("civil-affairs",
                org.govshare.supervision.ViolationType.MISUSE_BEYOND_SCOPE, grant, java.time.LocalDate.of(2026, 3, 10),
                "a rule", "240 reads over the rate limit", "data-access", grant, List.of(grant), true)).violation().id();
        assertThat(suspectedReviews.startPending()).contains(id);
        return id;
    }

    /** A rectification of public security, taken this many steps: report, reject and report again, not rectified. */
    private String rectification(int steps) {
        Response recorded = api.post("authority.li", "/api/violations", JSON.createObjectNode()
                .put("department", "public-security").put("type", "CONCEALMENT").put("description", "资源未编目 left out")
                .put("evidenceType", "inspection-report").put("evidenceId", "JC-2026-W" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .put("occurredAt", "2026-01-05T01:00:00Z").toString());
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        Response started = api.post("authority.li", "/api/violations/" + recorded.json().path("id").asText() + "/rectification", "");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String path = "/api/rectifications/" + started.json().path("id").asText();
        String report = "{\"measures\":\"已编入目录 catalogued\",\"evidence\":\"目录编码 101-0003\"}";
        List<Map.Entry<String, String[]>> moves = List.of(Map.entry("gaj.wang", new String[] {"/report", report}),
                Map.entry("authority.li", new String[] {"/verification", "{\"decision\":\"REJECT\",\"reasons\":\"items missing\"}"}),
                Map.entry("gaj.wang", new String[] {"/report", report}),
                Map.entry("authority.li", new String[] {"/verification", "{\"decision\":\"NOT_RECTIFIED\",\"reasons\":\"still\"}"}),
                Map.entry("authority.li", new String[] {"/criticism", "{\"text\":\"通报批评 特此通报。\"}"}));
        int taken = steps == 0 ? 0 : steps == 1 ? 1 : steps == 2 ? 4 : 5;
        for (Map.Entry<String, String[]> move : moves.subList(0, taken)) {
            Response moved = api.post(move.getKey(), path + move.getValue()[0], move.getValue()[1]);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        return started.json().path("id").asText();
    }

    /** A new catalog entry waiting for the authority, or returned to its department. */
    private String submission(boolean returned) {
        String code = CatalogEntries.nextPublicSecurityCode();
        JsonNode submitted = CatalogEntries.submitted(api, "gaj.wang", CatalogEntries.bodyForPack(CatalogEntries.residents(code)));
        if (returned) {
            Response reviewed = api.post("authority.li", "/api/catalog/submissions/" + submitted.path("id").asText()
                    + "/review", "{\"decision\":\"RETURN\",\"comment\":\"name the legal basis of each item\"}");
            assertThat(reviewed.json().path("status").asText()).as(reviewed.body()).isEqualTo("RETURNED");
        }
        return code;
    }

    /** A role request waiting for the authority: the first official who may still ask for the role asks. */
    /** The assessment of 2018 (a year no other test assesses), left in review. */
    private String assessmentInReview() {
        Response started = api.post("authority.li", "/api/assessments", "{\"year\":2018}");
        if (started.status() == 201) {
            return started.json().path("id").asText();
        }
        return jdbc.queryForObject("select id from assessment where year = 2018", String.class);
    }

    private String roleRequest() {
        for (String[] asker : new String[][] {{"mzj.chen", "APPLICANT"}, {"rsj.zhou", "APPLICANT"}, {"scj.huang", "APPLICANT"}}) {
            Response started = api.post(asker[0], "/api/role-requests",
                    "{\"requestedRole\":\"" + asker[1] + "\",\"reason\":\"to try every wrong type on the review\"}");
            if (started.status() == 201) {
                return started.json().path("processInstanceId").asText();
            }
        }
        throw new AssertionError("no demo official may ask for a role any more");
    }
}
