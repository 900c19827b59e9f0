package org.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.dataset.DataVersion;
import org.govshare.dataset.DatasetPushes;
import org.govshare.dataset.HostedDatasets;
import org.govshare.dataset.PushMode;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.identity.Official;
import org.govshare.notice.Notices;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.PackInForce;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.govshare.support.ProcessTest;
import org.govshare.support.Packs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Every path of processes/error-correction.bpmn, the verification deadline moved across the 2026 Spring Festival. */
class ErrorCorrectionProcessTest extends ProcessTest {

    private static final byte[] PDF = "%PDF-1.4\n证明 evidence\n%%EOF".getBytes(StandardCharsets.UTF_8);
    private static final String KEY = "514101000000000002";

    @Autowired
    PackInForce pack;

    @Autowired
    Corrections corrections;

    @Autowired
    Grants grants;

    @Autowired
    HostedDatasets hosted;

    @Autowired
    ViolationRegister violations;

    @Autowired
    Notices notices;

    /** Civil Affairs publishes and pushes its organisations; Public Security holds a grant for them. */
    private String sharedResource() {
        CatalogEntry entry = CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102"));
        publish("mzj.chen", entry);
        DatasetPushes.pushJson(hosted, official("mzj.chen"), entry.code(), PushMode.REPLACE, """
                [{"统一社会信用代码":"514101000000000001","组织名称":"慈善总会"},
                 {"统一社会信用代码":"514101000000000002","组织名称":"志愿者协会"}]""");
        grants.issue(new NewGrant("public-security", "civil-affairs", entry.code(), entry.name(),
                List.of("统一社会信用代码", "组织名称"), "核查涉案组织 checking organisations", "", "", List.of("gaj.zhang"),
                List.of(), today(), today().plusDays(30), Grants.SOURCE_REQUEST, "GX-TEST", List.of(), List.of()));
        return entry.code();
    }

    private ErrorReport reportName(String code) {
        return corrections.report(official("gaj.zhang"), new NewReport(code, Map.of("统一社会信用代码", KEY), "组织名称",
                "名称已于2025年变更 renamed in 2025", "郑州市志愿者协会"), new EvidenceFile("变更通知.pdf", "application/pdf", PDF));
    }

    /** The provider's fix: an UPSERT of the reported record with the right name. */
    private DataVersion pushCorrectedName(String code) {
        return DatasetPushes.pushJson(hosted, official("mzj.chen"), code, PushMode.UPSERT,
                "[{\"统一社会信用代码\":\"" + KEY + "\",\"组织名称\":\"郑州市志愿者协会\"}]");
    }

    private ProcessInstance instanceOf(ErrorReport report) {
        return instance(report.processInstanceId());
    }

    private void assertReporterTold(ErrorReport report, String kind) {
        assertThat(notices.of(official("gaj.zhang"), 0, 50)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(kind);
            assertThat(n.objectId()).isEqualTo(report.id());
        });
    }

    @Test
    void theAuthorityClosesAReportThatIsNotAnErrorAndTheReporterIsToldWhy() {
        String code = sharedResource();
        ErrorReport report = reportName(code);
        ProcessInstance instance = instanceOf(report);

        assertThat(report.id()).matches("JC-\\d{4}-\\d{6}");
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(report.processInstanceId()).singleResult().getBusinessKey()).isEqualTo(report.id());
        assertThat(instance).hasPassed("Task_RegisterReport").isWaitingAt("Task_TriageReport");
        assertThat(task(instance)).hasCandidateGroup("sharing-authority.authority");
        assertThat(corrections.openMarks(code, "public-security", report.grantId())).containsEntry(KEY, List.of(report.id()));

        assertThatThrownBy(() -> complete(task(instance), withVariables("triageDecision", "CLOSE", "triageReasons", " ")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("not in error");
        complete(task(instance), withVariables("triageDecision", "CLOSE", "triageReasons", "名称以登记证书为准",
                "triageOutcome", "FORWARD"));

        assertThat(instance).hasPassed("Task_CloseReport", "Event_ReportClosed").isEnded();
        ErrorReport closed = corrections.require(report.id());
        assertThat(closed.status()).isEqualTo(ErrorReport.Status.CLOSED);
        assertThat(closed.outcome()).isEqualTo(ErrorReport.Outcome.NOT_AN_ERROR);
        assertThat(closed.answerReasons()).isEqualTo("名称以登记证书为准");
        assertThat(corrections.openMarks(code, "public-security", report.grantId())).isEmpty();
        assertReporterTold(report, "CORRECTION_NOT_AN_ERROR");
    }

    @Test
    void aForwardedReportIsCorrectedByANewerDataVersion() {
        String code = sharedResource();
        ErrorReport report = reportName(code);
        ProcessInstance instance = instanceOf(report);
        complete(task(instance), withVariables("triageDecision", "FORWARD"));
        assertThat(instance).isWaitingAt("Task_VerifyReport");
        assertThat(task(instance)).hasCandidateGroup("civil-affairs.provider-reviewer");

        assertThatThrownBy(() -> complete(task(instance), withVariables("verificationDecision", "CORRECTED")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("name the data version");
        assertThatThrownBy(() -> complete(task(instance), withVariables("verificationDecision", "CORRECTED",
                "correctedVersion", report.dataVersion()))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not newer");
        assertThatThrownBy(() -> complete(task(instance), withVariables("verificationDecision", "CORRECTED",
                "correctedVersion", 99))).hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("no data version 99");
        // another department's reviewer: refused by the API door before the task is touched, and by the engine's
        // authorizations or the listener through Tasklist
        Official other = official("gaj.wang");
        assertThatThrownBy(() -> corrections.verify(other, report.id(), new Answer("EXPLAINED", "x", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> corrections.triage(other, report.id(), new Answer("CLOSE", "x", null)))
                .isInstanceOf(AccessDeniedException.class);
        String verifyTask = task(instance).getId();
        processEngine.getIdentityService().setAuthentication(other.login(), other.groupIds());
        assertThatThrownBy(() -> processEngine.getTaskService().complete(verifyTask, Map.of("verificationDecision",
                "EXPLAINED", "verificationReasons", "x")))
                .isInstanceOfAny(org.camunda.bpm.engine.AuthorizationException.class, AccessDeniedException.class);
        processEngine.getIdentityService().clearAuthentication();
        assertThat(instance).isWaitingAt("Task_VerifyReport");

        DataVersion fix = pushCorrectedName(code);
        complete(task(instance), withVariables("verificationDecision", "CORRECTED", "correctedVersion", fix.version(),
                "verificationReasons", "名称已更新"));

        assertThat(instance).hasPassed("Task_VerifyReport", "Task_CloseReport").isEnded();
        ErrorReport closed = corrections.require(report.id());
        assertThat(closed.outcome()).isEqualTo(ErrorReport.Outcome.CORRECTED);
        assertThat(closed.correctedVersion()).isEqualTo(fix.version());
        assertThat(closed.overdue()).isFalse();
        assertThat(corrections.openMarks(code, "public-security", report.grantId())).isEmpty();
        assertReporterTold(report, "CORRECTION_CORRECTED");
    }

    @Test
    void aForwardedReportIsExplainedWithReasons() {
        String code = sharedResource();
        ErrorReport report = reportName(code);
        ProcessInstance instance = instanceOf(report);
        complete(task(instance), withVariables("triageDecision", "FORWARD"));

        assertThatThrownBy(() -> complete(task(instance), withVariables("verificationDecision", "EXPLAINED")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("why the data is right");
        complete(task(instance), withVariables("verificationDecision", "EXPLAINED",
                "verificationReasons", "登记名称未变更，变更申请尚未核准"));

        assertThat(instance).hasPassed("Task_CloseReport").isEnded();
        ErrorReport closed = corrections.require(report.id());
        assertThat(closed.outcome()).isEqualTo(ErrorReport.Outcome.EXPLAINED);
        assertThat(closed.correctedVersion()).isNull();
        assertReporterTold(report, "CORRECTION_EXPLAINED");
    }

    /**
     * The verification deadline is the pack's {@code error-verification} figure, and the violation its article: five
     * working days and Art. 33(iii) under the Zhengzhou measures, ten and Art. 39(vi) under the national regulation
     * (Art. 26: 自收到政务数据校核申请之日起10个工作日内). Run under both packs.
     */
    @Test
    void acrossTheSpringFestivalTheProviderIsRemindedThenTheDelayIsRecordedAndTheTaskStaysOpenUntilCorrected() {
        // Thursday 2026-02-12 10:00 in Zhengzhou. Five working days: 13 Feb (1), Saturday 14 Feb is a make-up working
        // day (2), 15-23 Feb are the Spring Festival holiday, 24-26 Feb (3-5): due at the end of Thursday 26 Feb; the
        // reminder two working days before, at the end of Tuesday 24 Feb. The national pack's ten working days (Art. 26)
        // go on: 27 Feb (6), Saturday 28 Feb is a make-up working day (7), 2-4 March (8-10): due at the end of
        // Wednesday 4 March, the reminder at the end of Monday 2 March.
        boolean national = Packs.national();
        at(2, 12, 10);
        String code = sharedResource();
        ErrorReport report = reportName(code);
        ProcessInstance instance = instanceOf(report);
        complete(task(instance), withVariables("triageDecision", "FORWARD"));
        Job reminder = timer(instance, "Timer_VerificationReminder");
        Job deadline = timer(instance, "Timer_VerificationDeadline");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(national ? endOf(3, 4) : endOf(2, 26));
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(national ? endOf(3, 2) : endOf(2, 24));
        assertThat(task(instance).getDueDate()).isEqualTo(deadline.getDuedate());

        if (national) {
            at(3, 3, 9);
        } else {
            at(2, 25, 9);
        }
        execute(reminder);
        assertThat(instance).hasPassed("Task_RemindVerifier", "Event_ReminderSent").isWaitingAt("Task_VerifyReport");
        assertThat(corrections.require(report.id()).reminded()).isTrue();
        assertThat(notices.of(official("mzj.chen"), 0, 50)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("CORRECTION_REMINDER");
            assertThat(n.objectId()).isEqualTo(report.id());
        });

        if (national) {
            at(3, 5, 9);
        } else {
            at(2, 27, 9);
        }
        execute(deadline);
        assertThat(instance).hasPassed("Task_RecordDelayedCorrection", "Event_DelayRecorded").isWaitingAt("Task_VerifyReport");
        ErrorReport overdue = corrections.require(report.id());
        assertThat(overdue.overdue()).isTrue();
        assertThat(violations.onEvidence("error-report", report.id())).singleElement().satisfies(v -> {
            assertThat(v.department()).isEqualTo("civil-affairs");
            assertThat(v.type()).isEqualTo(ViolationType.DELAYED_CORRECTION);
            assertThat(v.article()).isEqualTo(Packs.byPack("33(iii)", "39(vi)"));
            assertThat(v.source()).isEqualTo(Violation.Source.AUTOMATIC);
            assertThat(v.occurredAt()).isEqualTo(overdue.verificationDue());
        });
        assertThat(corrections.openMarks(code, "public-security", report.grantId())).containsKey(KEY);

        DataVersion fix = pushCorrectedName(code);
        complete(task(instance), withVariables("verificationDecision", "CORRECTED", "correctedVersion", fix.version()));
        assertThat(instance).hasPassed("Task_CloseReport").isEnded();
        assertThat(corrections.require(report.id()).outcome()).isEqualTo(ErrorReport.Outcome.CORRECTED);
        assertReporterTold(report, "CORRECTION_CORRECTED");
    }
}
