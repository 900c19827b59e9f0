package org.govshare.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.Official;
import org.govshare.notice.Notices;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.request.SharingRequest;
import org.govshare.request.SharingRequests;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of processes/dispute-coordination.bpmn: granted as asked, granted in part, upheld, a side missing its
 * statement deadline (moved across the 2026 Spring Festival), withdrawn; and the checks of each step.
 */
class DisputeProcessTest extends ProcessTest {

    @Autowired
    Disputes disputes;

    @Autowired
    SharingRequests requests;

    @Autowired
    Grants grants;

    @Autowired
    Notices notices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PackInForce pack;

    private SharingRequest answered(Map<String, Object> reply) {
        return replied(askForResidents(), reply);
    }

    private SharingRequest refused() {
        return answered(Map.of("replyDecision", "REFUSE", "refusalLaw", "《中华人民共和国居民身份证法》", "refusalArticle",
                "第十九条", "replyReasons", "the purpose does not need the full identity record"));
    }

    private SharingRequest narrowed() {
        return answered(Map.of("replyDecision", "NARROW", "replyItems", "公民身份号码", "replyConditions", "仅限窗口核验",
                "replyReasons", "the name is not needed"));
    }

    private Dispute file(SharingRequest request) {
        return disputes.file(official("mzj.liu"), new NewDispute(request.id(), List.of(), null, true,
                "核验身份必须同时比对姓名 checking an identity needs the name too"));
    }

    private ProcessInstance instanceOf(Dispute dispute) {
        return instance(dispute.processInstanceId());
    }

    private static Map<String, Object> statement(String text) {
        return withVariables("statement", text);
    }

    private static Map<String, Object> ruling(String decision, Object... more) {
        Map<String, Object> variables = new HashMap<>(Map.of("rulingDecision", decision));
        for (int i = 0; i < more.length; i += 2) {
            variables.put((String) more[i], more[i + 1]);
        }
        return variables;
    }

    /**
     * The instance once its ruling is final: under a pack with cross-level disputes (national Art. 28) the escalation
     * period runs out first, unused (DisputeEscalationProcessTest follows it); under the others the ruling ends it.
     */
    private ProcessInstance finalRuling(ProcessInstance instance) {
        if (pack.on(OptionalStep.CROSS_LEVEL_DISPUTES)) {
            assertThat(instance).isWaitingAt("Gateway_EscalationOrFinal");
            execute(timer(instance, "Timer_EscalationPeriod"));
        }
        return instance;
    }

    /** Where a ruled case ends: at the ruling's own end event, or where its escalation period ran out unused. */
    private String ended(String withoutEscalation) {
        return pack.on(OptionalStep.CROSS_LEVEL_DISPUTES) ? "Event_RulingFinal" : withoutEscalation;
    }

    private void bothSidesState(ProcessInstance instance) {
        complete(task("Task_ApplicantStatement", instance), statement("我局办理低保需核对姓名 we must match the name"));
        complete(task("Task_ProviderStatement", instance), statement("身份证号已足以核验 the number suffices"));
    }

    @Test
    void aRefusalDisputedIsGrantedAsAskedAndTheGrantIssuedByItself() {
        SharingRequest request = refused();
        Dispute dispute = file(request);
        ProcessInstance instance = instanceOf(dispute);

        assertThat(dispute.id()).matches("ZY-\\d{4}-\\d{6}");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dispute.id())
                .count()).isEqualTo(1);
        assertThat(instance).isWaitingAt("Task_ApplicantStatement", "Task_ProviderStatement");
        assertThat(task("Task_ApplicantStatement", instance)).hasCandidateGroup("civil-affairs.applicant");
        assertThat(task("Task_ProviderStatement", instance)).hasCandidateGroup("public-security.provider-reviewer");
        assertThat(task("Task_ApplicantStatement", instance).getDueDate()).isEqualTo(Date.from(dispute.statementDue()));
        assertThat(notices.of(official("gaj.wang"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("STATEMENT_REQUESTED");
            assertThat(n.objectId()).isEqualTo(dispute.id());
        });

        bothSidesState(instance);

        assertThat(instance).isWaitingAt("Task_RuleDispute").task().hasCandidateGroup("sharing-authority.authority");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .contains(request.id(), "《中华人民共和国居民身份证法》 第十九条", "we must match the name", "the number suffices");
        // one statement does not leak into the other side's form: each task keeps its own
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "statement")).isNull();

        complete(task(instance), ruling("GRANT_AS_ASKED", "rulingReasons", "the duty needs both items"));

        assertThat(finalRuling(instance)).isEnded().hasPassed("Task_IssueRulingGrant", ended("Event_DisputeGranted"));
        Dispute granted = disputes.require(dispute.id());
        assertThat(granted.status()).isEqualTo(Dispute.Status.GRANTED);
        assertThat(granted.ruling().decision()).isEqualTo(RulingDecision.GRANT_AS_ASKED);
        Grant grant = grants.find(granted.grantId());
        assertThat(grant.items()).containsExactlyElementsOf(RESIDENT_ITEMS);
        assertThat(grant.sourceType()).isEqualTo("dispute");
        assertThat(grant.sourceId()).isEqualTo(dispute.id());
        assertThat(grant.consumerDepartment()).isEqualTo("civil-affairs");
        // the request no longer reads as refused: it shows the outcome and the ruling's grant
        SharingRequest overturned = requests.require(request.id());
        assertThat(overturned.status()).isEqualTo(SharingRequest.Status.OVERTURNED);
        assertThat(overturned.grantId()).isEqualTo(grant.id());
        assertThat(overturned.closedAt()).isEqualTo(request.closedAt());
        assertThat(notices.of(official("mzj.liu"), 0, 20)).anySatisfy(n -> assertThat(n.kind()).isEqualTo("DISPUTE_GRANTED"));
        assertThat(notices.of(official("gaj.wang"), 0, 20)).anySatisfy(n -> assertThat(n.kind()).isEqualTo("DISPUTE_GRANTED"));
    }

    @Test
    void aNarrowingDisputedIsGrantedInPartWithTheRulingsItemsPeriodAndConditionsAndAMeeting() {
        SharingRequest request = narrowed();
        Dispute dispute = file(request);
        ProcessInstance instance = instanceOf(dispute);
        bothSidesState(instance);
        LocalDate until = request.validUntil().minusDays(30);

        assertThatThrownBy(() -> complete(task(instance), ruling("GRANT_IN_PART", "rulingItems", "户籍地址",
                "rulingReasons", "x"))).rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("ruling-within-request"));
        assertThatThrownBy(() -> complete(task(instance), ruling("GRANT_IN_PART", "rulingItems", "姓名")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("ruling-needs-reasons"));

        complete(task(instance), ruling("GRANT_IN_PART", "rulingItems", "公民身份号码,姓名", "rulingUntil", until.toString(),
                "rulingConditions", "仅限低保审批使用", "rulingReasons", "the name is needed, for a shorter period",
                "meetingDate", today().toString(), "meetingAttendees", "mzj.liu, gaj.wang, authority.li",
                "meetingOutcome", "both agree the name is needed at the counter"));

        assertThat(finalRuling(instance)).isEnded().hasPassed(ended("Event_DisputeGranted"));
        Dispute granted = disputes.require(dispute.id());
        assertThat(granted.meetings()).singleElement().satisfies(m -> assertThat(m.attendees()).contains("gaj.wang"));
        Grant grant = grants.find(granted.grantId());
        assertThat(grant.items()).containsExactly("公民身份号码", "姓名");
        assertThat(grant.validUntil()).isEqualTo(until);
        assertThat(grant.conditions()).contains("仅限低保审批使用").doesNotContain("仅限窗口核验");
        // a narrowed request was granted already: it keeps its own grant, and the ruling's is found by its source
        assertThat(requests.require(request.id())).satisfies(r -> {
            assertThat(r.status()).isEqualTo(SharingRequest.Status.GRANTED);
            assertThat(r.grantId()).isEqualTo(request.grantId()).isNotEqualTo(grant.id());
        });
    }

    @Test
    void theAuthorityUpholdsTheAnswerAndNoGrantIsIssued() {
        Dispute dispute = file(refused());
        ProcessInstance instance = instanceOf(dispute);
        bothSidesState(instance);

        complete(task(instance), ruling("UPHOLD", "rulingReasons", "Art. 19 of the ID card law stands"));

        assertThat(finalRuling(instance)).isEnded().hasPassed("Task_RecordRulingUpheld", ended("Event_AnswerUpheld"))
                .hasNotPassed("Task_IssueRulingGrant");
        Dispute upheld = disputes.require(dispute.id());
        assertThat(upheld.status()).isEqualTo(Dispute.Status.UPHELD);
        assertThat(upheld.grantId()).isNull();
        assertThat(notices.of(official("mzj.liu"), 0, 20)).anySatisfy(n -> assertThat(n.kind()).isEqualTo("DISPUTE_UPHELD"));
    }

    @Test
    void aVariableSentWithTheRulingCannotChangeIt() {
        Dispute dispute = file(refused());
        ProcessInstance instance = instanceOf(dispute);
        bothSidesState(instance);

        complete(task(instance), ruling("UPHOLD", "rulingReasons", "stands", "rulingOutcome", "GRANT"));

        assertThat(finalRuling(instance)).isEnded().hasPassed(ended("Event_AnswerUpheld")).hasNotPassed("Task_IssueRulingGrant");
        assertThat(disputes.require(dispute.id()).status()).isEqualTo(Dispute.Status.UPHELD);
    }

    @Test
    void acrossTheSpringFestivalTheProviderMissesItsStatementAndTheCaseGoesOnWithoutIt() {
        // Wednesday 2026-02-11 10:00. Five working days: 12, 13 Feb, Saturday 14 Feb (a make-up working day), then
        // 15-23 Feb are the Spring Festival holiday, 24 and 25 Feb: the statements are due at the end of 25 Feb.
        at(2, 11, 10);
        Dispute dispute = file(refused());
        ProcessInstance instance = instanceOf(dispute);
        Job deadline = timer(instance, "Timer_ProviderStatementDeadline");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(endOf(2, 25));
        assertThat(task("Task_ProviderStatement", instance).getDueDate()).isEqualTo(deadline.getDuedate());
        complete(task("Task_ApplicantStatement", instance), statement("we must match the name"));

        at(2, 26, 9);
        execute(deadline);

        assertThat(instance).hasPassed("Task_RecordProviderStatementMissed").hasNotPassed("Task_RecordApplicantStatementMissed")
                .isWaitingAt("Task_RuleDispute");
        Dispute heard = disputes.require(dispute.id());
        assertThat(heard.providerMissed()).isTrue();
        assertThat(heard.applicantMissed()).isFalse();
        assertThat(heard.providerStatement()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'STATEMENT_MISSED' and object_id = ?",
                Long.class, dispute.id())).isEqualTo(1);
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .contains("未按期提交 none by the deadline");

        complete(task(instance), ruling("GRANT_AS_ASKED", "rulingReasons", "the provider gave no reason"));
        assertThat(finalRuling(instance)).isEnded().hasPassed(ended("Event_DisputeGranted"));
    }

    @Test
    void theApplicantMayWithdrawAnOpenDispute() {
        Dispute dispute = file(refused());
        ProcessInstance instance = instanceOf(dispute);

        assertThatThrownBy(() -> disputes.withdraw(official("gaj.zhang"), dispute.id())).isInstanceOf(AccessDeniedException.class);
        disputes.withdraw(official("mzj.liu"), dispute.id());

        assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawal", "Event_DisputeWithdrawn")
                .hasNotPassed("Task_RuleDispute");
        assertThat(disputes.require(dispute.id()).status()).isEqualTo(Dispute.Status.WITHDRAWN);
        assertThatThrownBy(() -> disputes.withdraw(official("mzj.liu"), dispute.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyTheApplicantDisputesOnlyARefusalOrNarrowingOnceAndInTime() {
        SharingRequest request = refused();

        assertThatThrownBy(() -> disputes.file(official("mzj.chen"), new NewDispute(request.id(), null, null, false, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> disputes.file(official("mzj.liu"), new NewDispute(request.id(), List.of("婚姻状况"), null,
                false, " "))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.InputError::rule).containsExactly("grounds-required", "claim-within-request"));
        Dispute first = file(request);
        assertThatThrownBy(() -> file(request)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.rule()).isEqualTo("one-open-dispute"));
        disputes.withdraw(official("mzj.liu"), first.id());
        assertThat(file(request).id()).isNotEqualTo(first.id());

        SharingRequest approved = answered(Map.of("replyDecision", "APPROVE"));
        assertThatThrownBy(() -> file(approved)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.rule()).isEqualTo("dispute-refusal-or-narrowing"));

        SharingRequest late = refused();
        ClockUtil.setCurrentTime(Date.from(late.closedAt().plusSeconds(40L * 24 * 3600)));
        assertThatThrownBy(() -> file(late)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).rule()).isEqualTo("dispute-period-over"));
    }

    @Test
    void anOfficialOfAnotherDepartmentCannotStateOrRule() {
        Dispute dispute = file(refused());
        ProcessInstance instance = instanceOf(dispute);
        org.camunda.bpm.engine.task.Task providerTask = task("Task_ProviderStatement", instance);

        assertThatThrownBy(() -> disputes.giveStatement(official("scj.huang"), dispute.id(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> disputes.rule(official("mzj.liu"), dispute.id(),
                new RulingInput("UPHOLD", null, null, null, "x", null))).isInstanceOf(AccessDeniedException.class);
        Official other = official("mzj.chen");
        processEngine.getIdentityService().setAuthentication(other.login(), other.groupIds());
        assertThatThrownBy(() -> processEngine.getTaskService().complete(providerTask.getId(), statement("x")))
                .isInstanceOfAny(org.camunda.bpm.engine.AuthorizationException.class, AccessDeniedException.class);
        processEngine.getIdentityService().clearAuthentication();

        assertThat(instance).isWaitingAt("Task_ApplicantStatement", "Task_ProviderStatement");
        assertThat(disputes.visibleTo(official("gaj.wang"), dispute.id()).id()).isEqualTo(dispute.id());
        assertThatThrownBy(() -> disputes.visibleTo(official("scj.yang"), dispute.id())).isInstanceOf(AccessDeniedException.class);
    }
}
