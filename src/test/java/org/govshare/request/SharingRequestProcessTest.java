package org.govshare.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.govshare.catalog.CatalogEntries;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.Official;
import org.govshare.notice.Notices;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.Decision;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.govshare.support.ProcessTest;
import org.govshare.support.Packs;
import org.govshare.rules.PackInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Every path of processes/sharing-request.bpmn, the reply deadline included (moved across the 2026 Spring Festival). */
class SharingRequestProcessTest extends ProcessTest {

    @Autowired
    SharingRequests requests;

    @Autowired
    Grants grants;

    @Autowired
    ViolationRegister violations;

    @Autowired
    Notices notices;

    @Autowired
    PackInForce pack;

    /** These are the paths without the optional steps; SharingRequestStepsProcessTest walks those with them. */
    @BeforeEach
    void underAPackWithoutStepsAroundTheReview() {
        assumeThat(ApprovalStep.anyOn(pack)).as("a step around the provider's review").isFalse();
    }

    private ProcessInstance instanceOf(SharingRequest request) {
        return instance(request.processInstanceId());
    }

    private static Map<String, Object> reply(String decision, Object... more) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("replyDecision", decision));
        for (int i = 0; i < more.length; i += 2) {
            variables.put((String) more[i], more[i + 1]);
        }
        return variables;
    }

    @Test
    void anUnconditionalResourceAskedForPublicItemsIsGrantedAtOnce() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));

        SharingRequest request = requests.submit(official("gaj.zhang"), new NewRequest(code, List.of("统一社会信用代码", "组织名称"),
                "核查涉案组织 checking organisations in a case", null, Scenario.LAW_ENFORCEMENT, today(), today().plusDays(30),
                List.of("gaj.zhang"), List.of(), null));

        assertThat(instanceOf(request)).isNull();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request.processInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(request.id()).matches("GX-\\d{4}-\\d{6}");
        assertThat(request.status()).isEqualTo(SharingRequest.Status.GRANTED);
        assertThat(request.eligibility()).isEqualTo(Decision.Verdict.GRANT);
        assertThat(request.ruleSetVersion()).hasSize(64);
        assertThat(request.findings()).extracting(f -> f.rule()).containsExactly("An unconditional resource is granted when no rule objects");
        Grant grant = grants.find(request.grantId());
        assertThat(grant.status()).isEqualTo(Grant.Status.ACTIVE);
        assertThat(grant.items()).containsExactly("统一社会信用代码", "组织名称");
        assertThat(grant.consumerDepartment()).isEqualTo("public-security");
        assertThat(grant.sourceId()).isEqualTo(request.id());
    }

    @Test
    void aNonSharingResourceIsRefusedAtOnceCitingItsLegalBasis() {
        String code = publish("gaj.wang", CatalogEntries.investigations(CatalogEntries.nextCode("102001", "101")));

        SharingRequest request = ask(code, List.of("案件编号"));

        assertThat(request.status()).isEqualTo(SharingRequest.Status.REFUSED);
        assertThat(request.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("A non-sharing resource is never granted");
            assertThat(f.message()).contains("《中华人民共和国刑事诉讼法》");
        });
        assertThat(request.grantId()).isNull();
    }

    @Test
    void aConditionalRequestWaitsForTheProviderAndIsApprovedAsAsked() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        assertThat(instance).isWaitingAt("Task_ReviewRequest").task().hasCandidateGroup("public-security.provider-reviewer");
        assertThat(request.status()).isEqualTo(SharingRequest.Status.IN_REVIEW);
        assertThat(request.findings()).extracting(f -> f.rule()).contains("A conditional resource is reviewed by its provider",
                "Personal data asked for is reviewed by its provider");
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(request.replyDue()));
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "requestSummary"))
                .contains("公民身份号码 [PERSONAL]", "《社会救助暂行办法》 第十一条", "mzj.liu");

        complete(task(instance), reply("APPROVE"));

        assertThat(instance).isEnded().hasPassed("Task_IssueGrant", "Event_RequestGranted");
        SharingRequest granted = requests.require(request.id());
        assertThat(granted.status()).isEqualTo(SharingRequest.Status.GRANTED);
        assertThat(grants.find(granted.grantId()).items()).containsExactly("公民身份号码", "姓名");
    }

    @Test
    void theProviderMayNarrowTheItemsThePeriodAndAddConditions() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);
        LocalDate shorter = request.validUntil().minusDays(30);

        complete(task(instance), reply("NARROW", "replyItems", "公民身份号码", "replyUntil", shorter.toString(),
                "replyConditions", "仅限窗口核验，不得留存", "replyReasons", "姓名 is not needed to check an identity number"));

        assertThat(instance).isEnded().hasPassed("Event_RequestGranted");
        Grant grant = grants.find(requests.require(request.id()).grantId());
        assertThat(grant.items()).containsExactly("公民身份号码");
        assertThat(grant.validUntil()).isEqualTo(shorter);
        assertThat(grant.conditions()).contains("仅限窗口核验，不得留存");
    }

    @Test
    void aNarrowingOutsideTheRequestOrWithoutReasonsIsNotAccepted() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        assertThatThrownBy(() -> complete(task(instance), reply("NARROW", "replyItems", "户籍地址",
                "replyReasons", "x"))).rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("narrow-within-request"));
        assertThatThrownBy(() -> complete(task(instance), reply("NARROW", "replyItems", "公民身份号码")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("reply-needs-reasons"));

        assertThat(instance).isWaitingAt("Task_ReviewRequest");
    }

    @Test
    void theProviderRefusesCitingALegalBasis() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        complete(task(instance), reply("REFUSE", "refusalLaw", "《中华人民共和国居民身份证法》",
                "refusalArticle", "第十九条", "replyReasons", "the purpose does not need the full identity record"));

        assertThat(instance).isEnded().hasPassed("Task_RecordRefusal", "Event_RequestRefused");
        SharingRequest refused = requests.require(request.id());
        assertThat(refused.status()).isEqualTo(SharingRequest.Status.REFUSED);
        assertThat(refused.reply().legalBasis().law()).isEqualTo("《中华人民共和国居民身份证法》");
        assertThat(notices.of(official("mzj.liu"), 0, 10)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("REQUEST_REFUSED");
            assertThat(n.body()).contains("第十九条");
        });
    }

    @Test
    void aRefusalWithoutALegalBasisIsNotAccepted() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        assertThatThrownBy(() -> complete(task(instance), reply("REFUSE", "replyReasons", "we do not want to")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("refusalLaw");
                    assertThat(e.errors().get(0).rule()).isEqualTo("refusal-cites-legal-basis");
                });

        assertThat(instance).isWaitingAt("Task_ReviewRequest");
        assertThat(requests.require(request.id()).status()).isEqualTo(SharingRequest.Status.IN_REVIEW);
    }

    @Test
    void aVariableSentWithTheReplyCannotChooseThePath() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        complete(task(instance), reply("REFUSE", "refusalLaw", "《中华人民共和国居民身份证法》", "refusalArticle",
                "第十九条", "replyReasons", "not needed", "replyOutcome", "GRANT", "eligibility", "GRANT"));

        assertThat(instance).isEnded().hasPassed("Event_RequestRefused").hasNotPassed("Task_IssueGrant");
    }

    @Test
    void anOfficialOfAnotherDepartmentCannotReply() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);
        org.camunda.bpm.engine.task.Task review = task(instance);
        Official other = official("mzj.chen");

        // through the platform API: the service refuses before the task is touched
        assertThatThrownBy(() -> requests.reply(other, request.id(), new ReplyInput("APPROVE", null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        // through Tasklist or the engine REST API: the engine's authorizations refuse, and the listener would too
        processEngine.getIdentityService().setAuthentication(other.login(), other.groupIds());
        assertThatThrownBy(() -> processEngine.getTaskService().complete(review.getId(), reply("APPROVE")))
                .isInstanceOfAny(org.camunda.bpm.engine.AuthorizationException.class, AccessDeniedException.class);

        processEngine.getIdentityService().clearAuthentication();
        assertThat(instance).isWaitingAt("Task_ReviewRequest");
    }

    @Test
    void theApplicantMayWithdrawAnOpenRequest() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        requests.withdraw(official("mzj.liu"), request.id());

        assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawal", "Event_RequestWithdrawn").hasNotPassed("Task_IssueGrant");
        assertThat(requests.require(request.id()).status()).isEqualTo(SharingRequest.Status.WITHDRAWN);
        assertThatThrownBy(() -> requests.withdraw(official("mzj.liu"), request.id()))
                .hasMessageContaining("cannot be withdrawn");
    }

    @Test
    void acrossTheSpringFestivalTheReviewerIsRemindedThenTheDelayIsRecordedAndTheAuthorityDecides() {
        // Friday 2026-02-06 10:00 in Zhengzhou. Ten working days: 9-13 Feb (5), Saturday 14 Feb is a make-up working
        // day (6), 15-23 Feb are the Spring Festival holiday, 24-27 Feb (7-10): the reply is due at the end of Friday
        // 27 Feb; the reminder comes two working days before, at the end of Wednesday 25 Feb.
        at(2, 6, 10);
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);
        Job reminder = timer(instance, "Timer_ReplyReminder");
        Job deadline = timer(instance, "Timer_ReplyDeadline");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(endOf(2, 27));
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(endOf(2, 25));
        assertThat(task(instance).getDueDate()).isEqualTo(deadline.getDuedate());

        at(2, 26, 9);
        execute(reminder);
        assertThat(instance).hasPassed("Task_RemindReviewer", "Event_ReminderSent").isWaitingAt("Task_ReviewRequest");
        assertThat(requests.require(request.id()).reminded()).isTrue();
        assertThat(notices.of(official("gaj.wang"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("REPLY_REMINDER");
            assertThat(n.objectId()).isEqualTo(request.id());
        });

        at(2, 28, 9);
        execute(deadline);
        assertThat(instance).hasPassed("Task_RecordDelayedReply").isWaitingAt("Task_ReviewRequest", "Task_EscalateRequest");
        assertThat(task("Task_EscalateRequest", instance)).hasCandidateGroup("sharing-authority.authority");
        assertThat(requests.require(request.id()).overdue()).isTrue();
        List<Violation> recorded = violations.onEvidence("sharing-request", request.id());
        assertThat(recorded).singleElement().satisfies(v -> {
            assertThat(v.department()).isEqualTo("public-security");
            assertThat(v.type()).isEqualTo(ViolationType.DELAYED_REPLY);
            assertThat(v.article()).isEqualTo(Packs.byPack("33(iii)", "39(iv)"));
            assertThat(v.source()).isEqualTo(Violation.Source.AUTOMATIC);
            assertThat(v.occurredAt()).isEqualTo(request.replyDue());
        });

        complete(task("Task_EscalateRequest", instance), withVariables("escalationDecision", "APPROVE",
                "replyReasons", "the purpose is a statutory duty and the provider gave no reason to refuse"));

        assertThat(instance).isEnded().hasPassed("Gateway_Escalation", "Task_IssueGrant", "Event_RequestGranted");
        SharingRequest granted = requests.require(request.id());
        assertThat(granted.status()).isEqualTo(SharingRequest.Status.GRANTED);
        assertThat(granted.reply().by()).isEqualTo(Reply.By.AUTHORITY);
    }

    @Test
    void theAuthorityMayUrgeTheProviderWhoThenStillReplies() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);
        ClockUtil.setCurrentTime(Date.from(request.replyDue().plusSeconds(60)));
        execute(timer(instance, "Timer_ReplyDeadline"));

        assertThatThrownBy(() -> complete(task("Task_EscalateRequest", instance), withVariables("escalationDecision", "URGE")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("urge-needs-message"));
        complete(task("Task_EscalateRequest", instance), withVariables("escalationDecision", "URGE",
                "replyReasons", "reply within two working days"));

        assertThat(instance).hasPassed("Event_ProviderUrged").isWaitingAt("Task_ReviewRequest");
        assertThat(notices.of(official("gaj.wang"), 0, 20)).anySatisfy(n -> assertThat(n.kind()).isEqualTo("URGED"));
        complete(task("Task_ReviewRequest", instance), reply("APPROVE"));
        assertThat(instance).isEnded().hasPassed("Event_RequestGranted");
    }

    @Test
    void theAuthorityMayRefuseInTheProvidersPlaceAndTheOpenReviewEnds() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);
        ClockUtil.setCurrentTime(Date.from(request.replyDue().plusSeconds(60)));
        execute(timer(instance, "Timer_ReplyDeadline"));

        complete(task("Task_EscalateRequest", instance), withVariables("escalationDecision", "REFUSE",
                "refusalLaw", "《中华人民共和国个人信息保护法》", "refusalArticle", "第三十四条",
                "replyReasons", "the stated purpose does not need personal data"));

        assertThat(instance).isEnded().hasPassed("Event_RequestRefused").hasNotPassed("Task_IssueGrant");
        assertThat(requests.require(request.id()).reply().by()).isEqualTo(Reply.By.AUTHORITY);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }
}
