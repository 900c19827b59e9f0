package org.govshare.request.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.notice.Notices;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.request.ReplyInput;
import org.govshare.request.RefusalReason;
import org.govshare.request.SharingRequest;
import org.govshare.request.SharingRequests;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/reply-extension.bpmn and processes/materials-supplement.bpmn (national Art. 21), under a
 * pack that takes both steps (run with {@code -Dgovshare.rules.pack=national-2025}; under a pack without them the
 * tests are skipped, and {@code ReplyPeriodIT} shows the endpoints refused). Civil Affairs asks for Public Security's
 * residents on Monday 2 March 2026 at 10:00: the reply is due at the end of Monday 16 March (10 working days).
 */
class ReplyPeriodProcessTest extends ProcessTest {

    @Autowired
    SharingRequests requests;

    @Autowired
    ReplyExtensions extensions;

    @Autowired
    MissingMaterials materials;

    @Autowired
    PackInForce pack;

    @Autowired
    Notices notices;

    @Autowired
    ViolationRegister violations;

    @BeforeEach
    void aPackWithBothSteps() {
        assumeTrue(pack.on(OptionalStep.REPLY_EXTENSION) && pack.on(OptionalStep.MATERIALS_SUPPLEMENT),
                "the pack in force takes neither the reply extension nor the materials notice");
    }

    private SharingRequest requestInReview() {
        at(3, 2, 10);
        SharingRequest request = askForResidents();
        assertThat(request.status()).isEqualTo(SharingRequest.Status.IN_REVIEW);
        assertThat(request.replyDue()).isEqualTo(endOf(3, 16));
        return request;
    }

    private ProcessInstance reviewOf(SharingRequest request) {
        return instance(request.processInstanceId());
    }

    private ProcessInstance processOf(ReplyExtension extension) {
        return instance(extension.processInstanceId());
    }

    private ProcessInstance processOf(MaterialsNotice notice) {
        return instance(notice.processInstanceId());
    }

    private ReplyExtension askFiveMoreDays(SharingRequest request) {
        return extensions.ask(official("gaj.wang"), request.id(), 5, "需要向省厅调取历史户籍档案 the archive is held by the province");
    }

    private void replyDueIs(SharingRequest request, Instant due) {
        assertThat(requests.require(request.id()).replyDue()).isEqualTo(due);
        assertThat(timer(reviewOf(request), "Timer_ReplyDeadline").getDuedate().toInstant()).isEqualTo(due);
        assertThat(task("Task_ReviewRequest", reviewOf(request)).getDueDate().toInstant()).isEqualTo(due);
    }

    private void told(String login, String kind, SharingRequest request) {
        assertThat(notices.of(official(login), 0, 50)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(kind);
            assertThat(n.objectId()).isEqualTo(request.id());
        });
    }

    // ---- the reply extension ----

    @Test
    void anApprovedExtensionMovesTheReplyDeadlineByTheDaysAskedFromTheDeadlineAsItStood() {
        SharingRequest request = requestInReview();
        ReplyExtension asked = askFiveMoreDays(request);
        ProcessInstance process = processOf(asked);

        assertThat(process).isWaitingAt("Task_DecideExtension").task().hasCandidateGroup("sharing-authority.authority");
        assertThat(asked.decisionDue()).isEqualTo(endOf(3, 4));
        assertThat(task(process).getDueDate().toInstant()).isEqualTo(endOf(3, 4));
        assertThat(timer(process, "Timer_DecisionDeadline").getDuedate().toInstant()).isEqualTo(endOf(3, 4));

        at(3, 3, 15);
        extensions.decide(official("authority.li"), request.id(), "APPROVE", null);

        assertThat(process).isEnded().hasPassed("Task_ApplyExtension", "Event_ExtensionApproved");
        assertThat(reviewOf(request)).isWaitingAt("Task_ReviewRequest");
        replyDueIs(request, endOf(3, 23));
        assertThat(timer(reviewOf(request), "Timer_ReplyReminder").getDuedate().toInstant()).isEqualTo(endOf(3, 19));
        ReplyExtension approved = extensions.require(official("mzj.liu"), request.id());
        assertThat(approved.status()).isEqualTo(ReplyExtension.Status.APPROVED);
        assertThat(approved.replyDueBefore()).isEqualTo(endOf(3, 16));
        assertThat(approved.replyDueAfter()).isEqualTo(endOf(3, 23));
        told("mzj.liu", "REPLY_EXTENSION_APPROVED", request);
        told("gaj.wang", "REPLY_EXTENSION_APPROVED", request);

        // late even so: the violation is dated by the deadline as it was moved
        at(3, 24, 9);
        execute(timer(reviewOf(request), "Timer_ReplyDeadline"));
        assertThat(violations.onEvidence("sharing-request", request.id())).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(ViolationType.DELAYED_REPLY);
            assertThat(v.occurredAt()).isEqualTo(endOf(3, 23));
        });
    }

    @Test
    void aRefusedExtensionLeavesTheDeadlineAndALateReplyIsADelayedReply() {
        SharingRequest request = requestInReview();
        ProcessInstance process = processOf(askFiveMoreDays(request));

        assertThatThrownBy(() -> complete(task(process), withVariables("extensionDecision", "REFUSE")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("refusal-needs-reasons"));
        complete(task(process), withVariables("extensionDecision", "REFUSE", "extensionComment", "档案可在线调取 the archive is online",
                "extensionOutcome", "APPROVE"));

        assertThat(process).isEnded().hasPassed("Task_RecordExtensionRefusal", "Event_ExtensionRefused")
                .hasNotPassed("Task_ApplyExtension");
        replyDueIs(request, endOf(3, 16));
        assertThat(extensions.require(official("gaj.wang"), request.id()).status()).isEqualTo(ReplyExtension.Status.REFUSED);
        told("mzj.liu", "REPLY_EXTENSION_REFUSED", request);

        at(3, 17, 9);
        execute(timer(reviewOf(request), "Timer_ReplyDeadline"));
        assertThat(violations.onEvidence("sharing-request", request.id())).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(ViolationType.DELAYED_REPLY);
            assertThat(v.occurredAt()).isEqualTo(endOf(3, 16));
        });
    }

    @Test
    void anExtensionNotDecidedInTimeLapsesAndTheDeadlineStays() {
        SharingRequest request = requestInReview();
        ProcessInstance process = processOf(askFiveMoreDays(request));

        at(3, 5, 9);
        execute(timer(process, "Timer_DecisionDeadline"));

        assertThat(process).isEnded().hasPassed("Task_LapseExtension", "Event_ExtensionLapsed").hasNotPassed("Task_ApplyExtension");
        assertThat(extensions.require(official("authority.li"), request.id()).status()).isEqualTo(ReplyExtension.Status.LAPSED);
        replyDueIs(request, endOf(3, 16));
        told("gaj.wang", "REPLY_EXTENSION_LAPSED", request);
    }

    @Test
    void theAuthorityDecidesBeforeTheDeadlineItWouldMove() {
        SharingRequest request = requestInReview();
        at(3, 16, 9);

        ReplyExtension asked = askFiveMoreDays(request);

        assertThat(asked.decisionDue()).isEqualTo(endOf(3, 16));
    }

    @Test
    void oneExtensionOfAtMostThePacksDaysWhileTheReplyIsAwaited() {
        SharingRequest request = requestInReview();

        assertThatThrownBy(() -> extensions.ask(official("gaj.wang"), request.id(), 11, "long"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("extension-within-pack"));
        assertThatThrownBy(() -> extensions.ask(official("gaj.wang"), request.id(), 3, " "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("extension-needs-reasons"));
        assertThatThrownBy(() -> extensions.ask(official("mzj.chen"), request.id(), 3, "not ours"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        askFiveMoreDays(request);
        assertThatThrownBy(() -> askFiveMoreDays(request)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.rule()).isEqualTo("one-extension-per-request"));

        SharingRequest late = askForResidents();
        at(3, 17, 9);
        assertThatThrownBy(() -> askFiveMoreDays(late)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.rule()).isEqualTo("extension-before-reply-due"));
    }

    // ---- the one notice of missing materials ----

    @Test
    void aSupplementRestartsTheReplyPeriodAndTheReviewGoesOn() {
        SharingRequest request = requestInReview();

        MaterialsNotice notice = materials.sendNotice(official("gaj.wang"), request.id(),
                List.of("低保申请受理回执 the receipt of the assistance application", "经办人授权书 the handling official's mandate"),
                "扫描件即可 scans will do");
        ProcessInstance process = processOf(notice);

        assertThat(process).isWaitingAt("Task_AwaitSupplement");
        assertThat(notice.supplementDue()).isEqualTo(endOf(3, 9));
        assertThat(notice.restartsClock()).isTrue();
        assertThat(notice.workingDaysLeft()).isEqualTo(10);
        assertThat(timer(process, "Timer_SupplementDeadline").getDuedate().toInstant()).isEqualTo(endOf(3, 9));
        // while the applicant may still supplement, the reply cannot fall due
        replyDueIs(request, endOf(3, 23));
        told("mzj.liu", "MATERIALS_MISSING", request);
        assertThatThrownBy(() -> materials.sendNotice(official("gaj.wang"), request.id(), List.of("more"), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("one-supplement-notice"));
        assertThatThrownBy(() -> askFiveMoreDays(request)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.rule()).isEqualTo("no-extension-while-materials-awaited"));

        at(3, 5, 10);
        materials.supplement(official("mzj.liu"), request.id(), "回执与授权书已上传 receipt and mandate attached",
                List.of("回执.pdf", "授权书.pdf"));

        assertThat(process).isEnded().hasPassed("Task_ResumeReview", "Event_ReviewResumed");
        assertThat(reviewOf(request)).isWaitingAt("Task_ReviewRequest");
        replyDueIs(request, endOf(3, 19));
        MaterialsNotice supplemented = materials.require(official("gaj.wang"), request.id());
        assertThat(supplemented.status()).isEqualTo(MaterialsNotice.Status.SUPPLEMENTED);
        assertThat(supplemented.files()).containsExactly("回执.pdf", "授权书.pdf");
        assertThat(supplemented.replyDueAfter()).isEqualTo(endOf(3, 19));
        told("gaj.wang", "MATERIALS_SUPPLEMENTED", request);
    }

    @Test
    void noSupplementInTimeEndsTheRequestAndBothSidesAreTold() {
        SharingRequest request = requestInReview();
        ProcessInstance process = processOf(materials.sendNotice(official("gaj.wang"), request.id(),
                List.of("低保申请受理回执 the receipt"), null));

        at(3, 10, 9);
        execute(timer(process, "Timer_SupplementDeadline"));

        assertThat(process).isEnded().hasPassed("Task_LapseRequest", "Event_RequestLapsed");
        assertThat(reviewOf(request)).isNull();
        SharingRequest lapsed = requests.require(request.id());
        assertThat(lapsed.status()).isEqualTo(SharingRequest.Status.LAPSED);
        assertThat(lapsed.closedAt()).isNotNull();
        assertThat(materials.require(official("mzj.liu"), request.id()).status()).isEqualTo(MaterialsNotice.Status.LAPSED);
        assertThat(violations.onEvidence("sharing-request", request.id())).isEmpty();
        told("mzj.liu", "REQUEST_LAPSED", request);
        told("gaj.wang", "REQUEST_LAPSED", request);
        assertThatThrownBy(() -> materials.supplement(official("mzj.liu"), request.id(), "too late", null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("supplement-awaited-only"));
    }

    @Test
    void theProviderMayNotRefuseForMissingMaterials() {
        SharingRequest request = requestInReview();

        assertThatThrownBy(() -> requests.reply(official("gaj.wang"), request.id(), new ReplyInput("REFUSE", null, null, null,
                "《社会救助暂行办法》", "第十一条", "材料不全 materials missing", null, null, RefusalReason.MISSING_MATERIALS)))
                .rootCause().isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("reasonCode");
                    assertThat(e.rule()).isEqualTo("no-refusal-for-missing-materials");
                    assertThat(e.getMessage()).contains("/api/requests/" + request.id() + "/missing-materials");
                });

        assertThat(reviewOf(request)).isWaitingAt("Task_ReviewRequest");
    }
}
