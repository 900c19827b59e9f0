package org.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;


import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.identity.Official;
import org.govshare.notice.Notices;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of processes/rectification.bpmn: accepted; rejected then accepted; rejected then late; rejected then
 * found not rectified; late at once; with the deadlines moved across the 2026 Spring Festival (15 to 23 February are
 * holidays, Saturday 14 February a make-up working day).
 */
class RectificationProcessTest extends ProcessTest {

    @Autowired
    Rectifications rectifications;

    @Autowired
    ViolationRegister violations;

    @Autowired
    Notices notices;

    /** Inspection reports, one per violation: the register records an act once. */
    private static final java.util.concurrent.atomic.AtomicInteger REPORTS = new java.util.concurrent.atomic.AtomicInteger(17);

    /** A violation of public security's, recorded by hand, and its rectification ordered. */
    private Rectification ordered() {
        Violation violation = violations.recordManual(official("authority.li"), new NewViolation("public-security",
                "CONCEALMENT", "户籍资源未编入目录 the household register was left out of the catalog", "inspection-report",
                "JC-2026-" + String.format("%03d", REPORTS.getAndIncrement()), beijing(1, 5, 9, 0)));
        return rectifications.start(official("authority.li"), violation.id());
    }

    private ProcessInstance instanceOf(Rectification rectification) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(rectification.id())
                .singleResult();
    }

    private Job deadline(ProcessInstance instance) {
        return timer(instance, "Timer_ReportDeadline");
    }

    private Violation.Status violationOf(Rectification rectification) {
        return violations.require(rectification.violationId()).status();
    }

    private void report(Rectification rectification) {
        rectifications.report(official("gaj.wang"), rectification.id(), "已将户籍资源编入目录并发布 catalogued and published",
                "目录编码 101-0003, published 2026-02-05");
    }

    @Test
    void aReportAcceptedClosesTheCaseAsRectified() {
        // Friday 6 Feb: 15 working days are 9-13 Feb, Sat 14 Feb (make-up), 24-27 Feb, Sat 28 Feb (make-up) and
        // 2-5 March: due at the end of Thursday 5 March
        at(2, 6, 10);
        Rectification rectification = ordered();
        ProcessInstance instance = instanceOf(rectification);

        assertThat(rectification.id()).matches("ZG-\\d{4}-\\d{6}");
        assertThat(instance).isWaitingAt("Task_SubmitReport").hasBusinessKey(rectification.id());
        assertThat(task(instance)).hasCandidateGroup("public-security.provider-reviewer");
        assertThat(deadline(instance).getDuedate().toInstant()).isEqualTo(endOf(3, 5));
        assertThat(task(instance).getDueDate()).isEqualTo(deadline(instance).getDuedate());
        assertThat(violationOf(rectification)).isEqualTo(Violation.Status.RECTIFYING);
        assertThat(notices.of(official("gaj.wang"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("RECTIFICATION_NOTICE");
            assertThat(n.objectId()).isEqualTo(rectification.id());
        });

        at(3, 2, 10);
        report(rectification);
        assertThat(instance).isWaitingAt("Task_VerifyRectification");
        assertThat(task(instance)).hasCandidateGroup("sharing-authority.authority");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .contains("REPORT", "catalogued and published");

        rectifications.verify(official("authority.li"), rectification.id(), "ACCEPT", null);

        assertThat(instance).isEnded().hasPassed("Task_CloseRectified", "Event_Rectified").hasNotPassed("Task_DraftCriticism");
        assertThat(rectifications.require(rectification.id()).status()).isEqualTo(Rectification.Status.RECTIFIED);
        assertThat(violationOf(rectification)).isEqualTo(Violation.Status.RECTIFIED);
        assertThat(rectifications.visibleTo(official("authority.li"), rectification.id()).steps())
                .extracting(Rectification.Step::kind).containsExactly("NOTICE", "REPORT", "VERIFICATION");
    }

    @Test
    void aReportRejectedOnceGetsAShorterDeadlineAcrossTheFestivalAndIsThenAccepted() {
        Rectification rectification = rejectedOnce();
        ProcessInstance instance = instanceOf(rectification);

        // the second verification may not reject again
        at(2, 25, 10);
        report(rectification);
        assertThatThrownBy(() -> rectifications.verify(official("authority.li"), rectification.id(), "REJECT", "still wrong"))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule())
                        .isEqualTo("second-verification-no-second-rejection"));
        assertThat(instance).isWaitingAt("Task_VerifyRectification");

        rectifications.verify(official("authority.li"), rectification.id(), "ACCEPT", null);

        assertThat(instance).isEnded().hasPassed("Task_RenewDeadline", "Event_Rectified");
        assertThat(violationOf(rectification)).isEqualTo(Violation.Status.RECTIFIED);
    }

    /**
     * Ordered Monday 19 January: due Monday 9 February (15 working days). Reported 5 Feb, rejected Thursday 12 Feb:
     * five working days are Fri 13, Sat 14 (make-up day), then after the festival 24, 25, 26 Feb: due 26 Feb.
     */
    private Rectification rejectedOnce() {
        at(1, 19, 10);
        Rectification rectification = ordered();
        ProcessInstance instance = instanceOf(rectification);
        assertThat(deadline(instance).getDuedate().toInstant()).isEqualTo(endOf(2, 9));
        at(2, 5, 10);
        report(rectification);
        at(2, 12, 10);
        assertThatThrownBy(() -> rectifications.verify(official("authority.li"), rectification.id(), "REJECT", " "))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("verificationReasons"));
        assertThatThrownBy(() -> rectifications.verify(official("authority.li"), rectification.id(), "NOT_RECTIFIED", "x"))
                .rootCause().isInstanceOf(InvalidInputException.class);

        rectifications.verify(official("authority.li"), rectification.id(), "REJECT", "目录缺少数据项 items are missing");

        assertThat(instance).hasPassed("Task_RenewDeadline").isWaitingAt("Task_SubmitReport");
        assertThat(deadline(instance).getDuedate().toInstant()).isEqualTo(endOf(2, 26));
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(endOf(2, 26));
        Rectification renewed = rectifications.require(rectification.id());
        assertThat(renewed.attempt()).isEqualTo(2);
        assertThat(renewed.status()).isEqualTo(Rectification.Status.AWAITING_REPORT);
        assertThat(notices.of(official("gaj.wang"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("RECTIFICATION_REJECTED");
            assertThat(n.body()).contains("items are missing");
        });
        return rectification;
    }

    @Test
    void aReportRejectedAndThenNotMadeByTheSecondDeadlineIsCriticisedAndReferred() {
        Rectification rectification = rejectedOnce();
        ProcessInstance instance = instanceOf(rectification);

        at(2, 27, 9);
        execute(deadline(instance));

        assertThat(instance).hasPassed("Task_DraftCriticism").isWaitingAt("Task_ApproveCriticism");
        criticisedAndReferred(rectification, instance);
        assertThat(rectifications.visibleTo(official("supervisor.qian"), rectification.id()).steps())
                .extracting(Rectification.Step::kind).containsExactly("NOTICE", "REPORT", "VERIFICATION", "NOTICE",
                        "DEADLINE_MISSED", "CRITICISM_DRAFTED", "CRITICISM_PUBLISHED", "REFERRED", "REFERRAL_OUTCOME");
    }

    @Test
    void aSecondReportFoundNotRectifiedIsCriticisedAndReferred() {
        Rectification rectification = rejectedOnce();
        ProcessInstance instance = instanceOf(rectification);
        at(2, 26, 10);
        report(rectification);

        rectifications.verify(official("authority.li"), rectification.id(), "NOT_RECTIFIED", "数据项仍缺 still missing");

        assertThat(instance).hasPassed("Task_DraftCriticism").hasNotPassed("Task_CloseRectified")
                .isWaitingAt("Task_ApproveCriticism");
        criticisedAndReferred(rectification, instance);
    }

    @Test
    void noReportByTheFirstDeadlineIsCriticisedAndReferred() {
        at(2, 6, 10);
        Rectification rectification = ordered();
        ProcessInstance instance = instanceOf(rectification);

        at(3, 6, 9);
        execute(deadline(instance));

        assertThat(instance).hasPassed("Task_DraftCriticism").hasNotPassed("Task_VerifyRectification")
                .isWaitingAt("Task_ApproveCriticism");
        criticisedAndReferred(rectification, instance);
    }

    private void criticisedAndReferred(Rectification rectification, ProcessInstance instance) {
        assertThat(task(instance)).hasCandidateGroup("sharing-authority.authority");
        String draft = (String) processEngine.getRuntimeService().getVariable(instance.getId(), "criticismText");
        assertThat(draft).contains("通报批评", rectification.id());
        assertThat(violationOf(rectification)).isEqualTo(Violation.Status.RECTIFYING);
        assertThatThrownBy(() -> rectifications.approveCriticism(official("authority.li"), rectification.id(), ""))
                .rootCause().isInstanceOf(InvalidInputException.class);

        rectifications.approveCriticism(official("authority.li"), rectification.id(), draft + " 特此通报。");

        assertThat(instance).hasPassed("Task_PublishCriticism", "Task_ReferToSupervisors").isWaitingAt("Task_ConsiderSanctions");
        assertThat(task(instance)).hasCandidateGroup("supervision.supervisor");
        assertThat(violationOf(rectification)).isEqualTo(Violation.Status.REFERRED);
        assertThat(rectifications.criticisms(0, 100)).anySatisfy(c -> {
            assertThat(c.rectificationId()).isEqualTo(rectification.id());
            assertThat(c.department()).isEqualTo("public-security");
            assertThat(c.text()).endsWith("特此通报。");
        });
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .contains("CRITICISM_PUBLISHED", violations.require(rectification.violationId()).evidenceId());
        assertThatThrownBy(() -> rectifications.decideReferral(official("supervisor.qian"), rectification.id(), "MAYBE", "x"))
                .rootCause().isInstanceOf(InvalidInputException.class);

        rectifications.decideReferral(official("supervisor.qian"), rectification.id(), "SANCTION_PROPOSED",
                "建议对直接责任人给予处分 sanctions proposed against the head of the records office");

        assertThat(instance).isEnded().hasPassed("Event_ReferralDecided");
        Rectification concluded = rectifications.require(rectification.id());
        assertThat(concluded.status()).isEqualTo(Rectification.Status.CONCLUDED);
        assertThat(concluded.referralOutcome()).isEqualTo("SANCTION_PROPOSED");
        assertThat(violationOf(rectification)).isEqualTo(Violation.Status.REFERRED);
    }

    @Test
    void aVariableSentWithTheVerificationCannotMoveTheCase() {
        Rectification rectification = ordered();
        ProcessInstance instance = instanceOf(rectification);
        report(rectification);

        complete(task(instance), withVariables("verificationDecision", "REJECT", "verificationReasons", "incomplete",
                "verificationOutcome", "ACCEPT"));

        assertThat(instance).hasPassed("Task_RenewDeadline").hasNotPassed("Task_CloseRectified").isWaitingAt("Task_SubmitReport");
        assertThat(violationOf(rectification)).isEqualTo(Violation.Status.RECTIFYING);
    }

    @Test
    void anOfficialOfAnotherDepartmentCannotReportAndAViolationIsRectifiedOnce() {
        Rectification rectification = ordered();
        ProcessInstance instance = instanceOf(rectification);
        Official other = official("mzj.chen");
        String reportTask = task(instance).getId();

        assertThatThrownBy(() -> rectifications.report(other, rectification.id(), "done", "none"))
                .isInstanceOf(AccessDeniedException.class);
        processEngine.getIdentityService().setAuthentication(other.login(), other.groupIds());
        assertThatThrownBy(() -> processEngine.getTaskService().complete(reportTask, withVariables(
                "rectificationMeasures", "done", "rectificationEvidence", "none")))
                .isInstanceOfAny(org.camunda.bpm.engine.AuthorizationException.class, AccessDeniedException.class);
        processEngine.getIdentityService().clearAuthentication();
        assertThat(instance).isWaitingAt("Task_SubmitReport");

        assertThatThrownBy(() -> rectifications.start(official("authority.li"), rectification.violationId()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already rectified under " + rectification.id());
        assertThatThrownBy(() -> rectifications.start(official("gaj.wang"), rectification.violationId()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
