package org.govshare.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.catalog.CatalogEntries;
import org.govshare.identity.Official;
import org.govshare.notice.Notices;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path the optional steps add to processes/sharing-request.bpmn: the national regulation's approvals (Art. 20)
 * and reply deadlines (Art. 21), run with {@code -Dgovshare.rules.pack=national-2025}; the authority's conformity
 * check, run with {@code -Dgovshare.rules.pack=jincheng-2024} (a test pack). A test whose step the pack in force turns
 * off is skipped; under any pack a step that is off answers {@code step-off} at its door.
 */
class SharingRequestStepsProcessTest extends ProcessTest {

    @Autowired
    SharingRequests requests;

    @Autowired
    ReplyDeadlines replyDeadlines;

    @Autowired
    PackInForce pack;

    @Autowired
    Notices notices;

    @Autowired
    ViolationRegister violations;

    @Autowired
    WorkdayCalendar workdays;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fridayMorningBeforeTheSpringFestival() {
        // Friday 2026-02-06 10:00 in Zhengzhou: the working days ahead cross a make-up Saturday and the holiday
        at(2, 6, 10);
    }

    private void assumeOn(OptionalStep step) {
        assumeThat(pack.on(step)).as("the pack in force turns on " + step.key()).isTrue();
    }

    private ProcessInstance instanceOf(SharingRequest request) {
        return instance(request.processInstanceId());
    }

    private SharingRequest stored(SharingRequest request) {
        return requests.require(request.id());
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }

    /** Civil Affairs' request for residents, through every step the pack puts before the provider. */
    private SharingRequest sentToProvider() {
        SharingRequest request = askForResidents();
        if (pack.on(OptionalStep.AUTHORITY_CONFORMITY_CHECK)) {
            complete(task("Task_CheckConformity", instanceOf(request)), vars("conformity", "PASS"));
        }
        return stored(request);
    }

    /** Public Security (gaj.zhang) asks for items of Civil Affairs' organisations, an unconditional resource. */
    private SharingRequest askForOrganisations(List<String> items) {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        return requests.submit(official("gaj.zhang"), new NewRequest(code, items, "核查涉案组织 checking organisations in a case",
                null, Scenario.LAW_ENFORCEMENT, today(), today().plusDays(30), List.of("gaj.zhang"), List.of(), null));
    }

    private List<String> actionsOn(SharingRequest request) {
        return jdbc.queryForList("select action from audit_event where object_id = ? order by seq", String.class, request.id());
    }

    @Test
    void theRequestReachesTheProviderOnlyOnceItsHeadApprovesAndItsReplyPeriodStartsThen() {
        assumeOn(OptionalStep.REQUESTER_HEAD_APPROVAL);
        SharingRequest request = submitForResidents();
        ProcessInstance instance = instanceOf(request);

        assertThat(instance).isWaitingAt("Task_ApproveRequest").task().hasCandidateGroup("civil-affairs.department-head");
        assertThat(stored(request).status()).isEqualTo(SharingRequest.Status.AWAITING_APPROVAL);
        assertThat(stored(request).replyDue()).isNull();
        // two working days: Monday 9 and Tuesday 10 February
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(endOf(2, 10));
        assertThat(notices.of(official("mzj.he"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("REQUEST_APPROVAL_REQUESTED");
            assertThat(n.objectId()).isEqualTo(request.id());
        });
        assertThat(notices.of(official("gaj.wang"), 0, 50)).noneSatisfy(n -> assertThat(n.objectId()).isEqualTo(request.id()));

        at(2, 10, 15);
        requests.decideStep(official("mzj.he"), request.id(), ApprovalStep.REQUESTER_HEAD, "APPROVE", null);

        assertThat(instance).hasPassed("Task_ApproveRequest", "Task_SendToProvider").isWaitingAt("Task_ReviewRequest");
        SharingRequest sent = stored(request);
        assertThat(sent.status()).isEqualTo(SharingRequest.Status.IN_REVIEW);
        assertThat(sent.replyDue()).isEqualTo(workdays.due("sharing-request-reply", beijing(2, 10, 15, 0)));
        assertThat(actionsOn(request)).contains(AuditAction.REQUEST_REQUESTER_HEAD_DECIDED.name());
    }

    @Test
    void theHeadRefusesWithReasonsAndTheRequestEndsUnsent() {
        assumeOn(OptionalStep.REQUESTER_HEAD_APPROVAL);
        SharingRequest request = submitForResidents();
        ProcessInstance instance = instanceOf(request);

        assertThatThrownBy(() -> complete(task(instance), vars("requesterApproval", "REFUSE")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("requesterApprovalReasons");
                    assertThat(e.errors().get(0).rule()).isEqualTo("reasons-required");
                });
        complete(task(instance), vars("requesterApproval", "REFUSE",
                "requesterApprovalReasons", "the identity checks are done by the district offices"));

        assertThat(instance).isEnded().hasPassed("Task_EndUnsent", "Event_RequestNotSent").hasNotPassed("Task_ReviewRequest");
        SharingRequest ended = stored(request);
        assertThat(ended.status()).isEqualTo(SharingRequest.Status.REFUSED_BY_REQUESTER_HEAD);
        assertThat(ended.open()).isFalse();
        assertThat(notices.of(official("mzj.liu"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("REQUEST_NOT_APPROVED");
            assertThat(n.body()).contains("district offices");
        });
    }

    @Test
    void onlyTheApplicantsHeadApprovesAndOnlyWhileTheRequestWaits() {
        assumeOn(OptionalStep.REQUESTER_HEAD_APPROVAL);
        SharingRequest request = submitForResidents();
        ProcessInstance instance = instanceOf(request);
        Official otherHead = official("gaj.ma");
        org.camunda.bpm.engine.task.Task approval = task(instance);

        assertThatThrownBy(() -> requests.decideStep(otherHead, request.id(), ApprovalStep.REQUESTER_HEAD, "APPROVE", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.decideStep(official("mzj.liu"), request.id(), ApprovalStep.REQUESTER_HEAD, "APPROVE", null))
                .isInstanceOf(AccessDeniedException.class);
        processEngine.getIdentityService().setAuthentication(otherHead.login(), otherHead.groupIds());
        assertThatThrownBy(() -> processEngine.getTaskService().complete(approval.getId(), vars("requesterApproval", "APPROVE")))
                .isInstanceOfAny(org.camunda.bpm.engine.AuthorizationException.class, AccessDeniedException.class);
        processEngine.getIdentityService().clearAuthentication();
        assertThat(instance).isWaitingAt("Task_ApproveRequest");

        requests.decideStep(official("mzj.he"), request.id(), ApprovalStep.REQUESTER_HEAD, "APPROVE", null);
        assertThatThrownBy(() -> requests.decideStep(official("mzj.he"), request.id(), ApprovalStep.REQUESTER_HEAD, "APPROVE", null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anImmediateGrantTakesEffectOnlyOnceTheHeadApproves() {
        assumeOn(OptionalStep.REQUESTER_HEAD_APPROVAL);
        SharingRequest request = askForOrganisations(List.of("统一社会信用代码", "组织名称"));
        ProcessInstance instance = instanceOf(request);

        assertThat(instance).isWaitingAt("Task_ApproveRequest").task().hasCandidateGroup("public-security.department-head");
        assertThat(request.grantId()).isNull();
        // a value sent with the head's completion cannot turn the rules' GRANT into anything else, nor the reverse
        complete(task(instance), vars("requesterApproval", "APPROVE", "eligibility", "REVIEW"));

        assertThat(instance).isEnded().hasPassed("Task_IssueGrant").hasNotPassed("Task_ReviewRequest");
        assertThat(stored(request).status()).isEqualTo(SharingRequest.Status.GRANTED);
    }

    @Test
    void theReplyTakesEffectOnlyOnceTheProvidersHeadApprovesIt() {
        assumeOn(OptionalStep.PROVIDER_HEAD_APPROVAL);
        SharingRequest request = sentToProvider();
        ProcessInstance instance = instanceOf(request);
        at(2, 12, 9);

        complete(task("Task_ReviewRequest", instance), vars("replyDecision", "APPROVE"));

        assertThat(instance).isWaitingAt("Task_ApproveReply").task().hasCandidateGroup("public-security.department-head");
        SharingRequest waiting = stored(request);
        assertThat(waiting.status()).isEqualTo(SharingRequest.Status.REPLY_AWAITING_APPROVAL);
        assertThat(waiting.grantId()).isNull();
        // one working day, inside the reply period
        assertThat(task("Task_ApproveReply", instance).getDueDate().toInstant()).isEqualTo(endOf(2, 13))
                .isBefore(waiting.replyDue());
        assertThat(notices.of(official("gaj.ma"), 0, 20)).anySatisfy(n -> assertThat(n.kind()).isEqualTo("REPLY_APPROVAL_REQUESTED"));

        requests.decideStep(official("gaj.ma"), request.id(), ApprovalStep.PROVIDER_HEAD, "APPROVE", null);

        assertThat(instance).isEnded().hasPassed("Task_ApproveReply", "Event_ReplyGiven", "Task_IssueGrant");
        assertThat(stored(request).status()).isEqualTo(SharingRequest.Status.GRANTED);
        assertThat(actionsOn(request)).containsSubsequence(AuditAction.REQUEST_REPLIED.name(),
                AuditAction.REQUEST_PROVIDER_HEAD_DECIDED.name(), AuditAction.REQUEST_GRANTED.name());
    }

    @Test
    void theProvidersHeadReturnsTheReplyAndTheReviewerAnswersAgainInTheSameReplyPeriod() {
        assumeOn(OptionalStep.PROVIDER_HEAD_APPROVAL);
        SharingRequest request = sentToProvider();
        ProcessInstance instance = instanceOf(request);
        Instant due = request.replyDue();
        complete(task("Task_ReviewRequest", instance), vars("replyDecision", "APPROVE"));

        assertThatThrownBy(() -> complete(task("Task_ApproveReply", instance), vars("replyApproval", "RETURN")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("reasons-required"));
        complete(task("Task_ApproveReply", instance), vars("replyApproval", "RETURN",
                "replyApprovalReasons", "the name is not needed to check an identity number"));

        assertThat(instance).hasPassed("Gateway_ReplyApproved").isWaitingAt("Task_ReviewRequest");
        SharingRequest returned = stored(request);
        assertThat(returned.status()).isEqualTo(SharingRequest.Status.IN_REVIEW);
        assertThat(returned.reply()).isNull();
        assertThat(returned.replyDue()).isEqualTo(due);
        assertThat(task("Task_ReviewRequest", instance).getDueDate().toInstant()).isEqualTo(due);
        assertThat(timer(instance, "Timer_ReplyDeadline").getDuedate().toInstant()).isEqualTo(due);
        assertThat(notices.of(official("gaj.wang"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("REPLY_RETURNED");
            assertThat(n.body()).contains("name is not needed");
        });

        complete(task("Task_ReviewRequest", instance), vars("replyDecision", "REFUSE", "refusalLaw",
                "《中华人民共和国居民身份证法》", "refusalArticle", "第十九条", "replyReasons", "not needed"));
        // a value sent with the head's completion cannot choose the path: the stored reply refuses
        complete(task("Task_ApproveReply", instance), vars("replyApproval", "APPROVE", "replyOutcome", "GRANT"));

        assertThat(instance).isEnded().hasPassed("Event_RequestRefused").hasNotPassed("Task_IssueGrant");
        assertThat(stored(request).status()).isEqualTo(SharingRequest.Status.REFUSED);
    }

    @Test
    void aReplyStillWithTheProvidersHeadAtTheDeadlineIsLateAndTheAuthorityMayDecide() {
        assumeOn(OptionalStep.PROVIDER_HEAD_APPROVAL);
        SharingRequest request = sentToProvider();
        ProcessInstance instance = instanceOf(request);
        complete(task("Task_ReviewRequest", instance), vars("replyDecision", "APPROVE"));

        ClockUtil.setCurrentTime(Date.from(request.replyDue().plusSeconds(60)));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(timer(instance, "Timer_ReplyDeadline"));

        assertThat(instance).hasPassed("Task_RecordDelayedReply").isWaitingAt("Task_ApproveReply", "Task_EscalateRequest");
        assertThat(violations.onEvidence("sharing-request", request.id())).singleElement()
                .satisfies(v -> assertThat(v.type()).isEqualTo(ViolationType.DELAYED_REPLY));
        complete(task("Task_EscalateRequest", instance), withVariables("escalationDecision", "APPROVE",
                "replyReasons", "the reply was ready; the authority lets it take effect"));

        assertThat(instance).isEnded().hasPassed("Task_IssueGrant");
        assertThat(stored(request).reply().by()).isEqualTo(Reply.By.AUTHORITY);
    }

    @Test
    void personalDataOfAnUnconditionalResourceIsAnsweredWithinOneWorkingDay() {
        assumeThat(pack.get().workingDays("sharing-request-reply-unconditional")).isPresent();
        SharingRequest request = askForOrganisations(List.of("统一社会信用代码", "法定代表人"));
        if (pack.on(OptionalStep.REQUESTER_HEAD_APPROVAL)) {
            at(2, 9, 11);
            complete(task("Task_ApproveRequest", instanceOf(request)), vars("requesterApproval", "APPROVE"));
        }

        SharingRequest sent = stored(request);
        assertThat(sent.replyDeadline()).isEqualTo("sharing-request-reply-unconditional");
        assertThat(sent.findings()).extracting(f -> f.rule())
                .contains("An unconditional resource under review is answered within one working day");
        assertThat(sent.replyDue()).isEqualTo(workdays.due("sharing-request-reply-unconditional",
                ClockUtil.getCurrentTime().toInstant()));
        assertThat(timer(instanceOf(request), "Timer_ReplyDeadline").getDuedate().toInstant()).isEqualTo(sent.replyDue());
    }

    @Test
    void theExtensionHookMovesTheStoredDeadlineTheTimersAndTheTaskAndTheLateReplyFollowsIt() {
        SharingRequest request = sentToProvider();
        ProcessInstance instance = instanceOf(request);
        assertThat(replyDeadlines.awaitsReply(request.id())).isTrue();
        Instant later = workdays.due("sharing-request-reply", request.replyDue());

        replyDeadlines.moveReplyDue(request.id(), later, "extension approved by the authority");

        SharingRequest moved = stored(request);
        assertThat(moved.replyDue()).isEqualTo(later);
        assertThat(moved.reminderAt()).isBefore(later).isAfter(request.replyDue());
        assertThat(timer(instance, "Timer_ReplyDeadline").getDuedate().toInstant()).isEqualTo(later);
        assertThat(timer(instance, "Timer_ReplyReminder").getDuedate().toInstant()).isEqualTo(moved.reminderAt());
        assertThat(task("Task_ReviewRequest", instance).getDueDate().toInstant()).isEqualTo(later);
        assertThat(actionsOn(request)).contains(AuditAction.REQUEST_REPLY_DUE_MOVED.name());

        ClockUtil.setCurrentTime(Date.from(later.plusSeconds(60)));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(timer(instance, "Timer_ReplyDeadline"));
        assertThat(violations.onEvidence("sharing-request", request.id())).singleElement()
                .satisfies(v -> assertThat(v.occurredAt()).isEqualTo(later));
        assertThat(replyDeadlines.awaitsReply(request.id())).isFalse();
        assertThatThrownBy(() -> replyDeadlines.moveReplyDue(request.id(), later.plusSeconds(86400), "too late"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("has passed"));
    }

    @Test
    void aStepThePackTurnsOffIsRefusedAtItsDoor() {
        ApprovalStep off = java.util.Arrays.stream(ApprovalStep.values()).filter(s -> !pack.on(s.step())).findFirst()
                .orElse(null);
        assumeThat(off).isNotNull();
        SharingRequest request = submitForResidents();

        assertThatThrownBy(() -> requests.decideStep(official("mzj.he"), request.id(), off, "APPROVE", null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage()).contains(pack.get().name()).contains(off.step().key());
                });
    }

    @Test
    void theAuthorityChecksConformityBeforeTheProviderSeesTheRequest() {
        assumeOn(OptionalStep.AUTHORITY_CONFORMITY_CHECK);
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        assertThat(instance).isWaitingAt("Task_CheckConformity").task().hasCandidateGroup("sharing-authority.authority");
        assertThat(stored(request).status()).isEqualTo(SharingRequest.Status.CONFORMITY_CHECK);
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(workdays.due("authority-conformity-check",
                beijing(2, 6, 10, 0)));
        assertThatThrownBy(() -> requests.decideStep(official("gaj.ma"), request.id(), ApprovalStep.CONFORMITY, "PASS", null))
                .isInstanceOf(AccessDeniedException.class);

        at(2, 9, 14);
        requests.decideStep(official("authority.li"), request.id(), ApprovalStep.CONFORMITY, "PASS", null);

        assertThat(instance).hasPassed("Task_CheckConformity", "Task_SendToProvider").isWaitingAt("Task_ReviewRequest");
        SharingRequest sent = stored(request);
        assertThat(sent.status()).isEqualTo(SharingRequest.Status.IN_REVIEW);
        // the data of a new resource is not on the platform yet: the pack's sharing-request-reply, from the pass
        assertThat(sent.replyDeadline()).isNull();
        assertThat(sent.replyDue()).isEqualTo(workdays.due("sharing-request-reply", beijing(2, 9, 14, 0)));
        assertThat(actionsOn(request)).contains(AuditAction.REQUEST_CONFORMITY_CHECKED.name());
    }

    @Test
    void aRequestThatDoesNotConformEndsUnsentWithTheAuthoritysReasons() {
        assumeOn(OptionalStep.AUTHORITY_CONFORMITY_CHECK);
        SharingRequest request = askForResidents();
        ProcessInstance instance = instanceOf(request);

        assertThatThrownBy(() -> complete(task(instance), vars("conformity", "FAIL")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("conformityReasons"));
        complete(task(instance), vars("conformity", "FAIL", "conformityReasons", "the purpose names no statutory duty"));

        assertThat(instance).isEnded().hasPassed("Task_EndUnsent", "Event_RequestNotSent").hasNotPassed("Task_ReviewRequest");
        assertThat(stored(request).status()).isEqualTo(SharingRequest.Status.NOT_CONFORMING);
        assertThat(notices.of(official("mzj.liu"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("REQUEST_NOT_CONFORMING");
            assertThat(n.body()).contains("statutory duty");
        });
    }
}
