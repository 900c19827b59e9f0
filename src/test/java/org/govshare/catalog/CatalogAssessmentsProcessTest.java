package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.identity.Official;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head's approval in processes/catalog-registration.bpmn and the checks of classification, grade and
 * assessments (Art. 13 of the national regulation), under a pack that turns the step submission-assessments on:
 * run with {@code -Dgovshare.rules.pack=national-2025}; skipped under a pack without it.
 */
class CatalogAssessmentsProcessTest extends ProcessTest {

    @Autowired
    Catalog catalog;

    @BeforeEach
    void underAPackWithAssessments() {
        assumeTrue(CatalogEntries.assessed(), "the pack under test has no submission-assessments step");
    }

    private Official provider() {
        return official("gaj.wang");
    }

    private Submission submitNew() {
        return catalog.submit(provider(), CatalogEntries.forPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode())),
                CatalogEntries.assessmentsForPack());
    }

    private static SubmissionAssessments.Assessment done() {
        return CatalogEntries.assessmentsForPack().secrecy();
    }

    private static List<String> fieldsOf(Throwable refusal) {
        return ((InvalidInputException) refusal).errors().stream().map(e -> e.field() + " " + e.rule()).toList();
    }

    @Test
    void aSubmissionGoesToItsHeadThenToTheAuthorityWhoPublishesIt() {
        Submission submission = submitNew();
        ProcessInstance instance = instance(submission.processInstanceId());

        assertThat(instance).isWaitingAt("Task_ApproveSubmission").task().hasCandidateGroup("public-security.department-head");
        assertThat(submission.assessments()).extracting(SubmissionAssessments.Recorded::kind)
                .containsExactly(SubmissionAssessments.Kind.SECRECY, SubmissionAssessments.Kind.PERSONAL_INFORMATION);
        assertThat(submission.assessments().get(0).file().name()).isEqualTo("assessment.pdf");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "assessmentsSummary"))
                .contains("保密风险评估").contains("assessment.pdf");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "entrySummary"))
                .contains("数据分类分级 Data classification and grade: 人口信息 / 一般数据");
        complete(task(instance), withVariables("headDecision", "APPROVE", "reviewComment", ""));

        assertThat(instance).hasPassed("Task_ApproveSubmission").isWaitingAt("Task_ReviewEntry");
        assertThat(catalog.submission(submission.id()).headApproval().decision()).isEqualTo("APPROVE");
        complete(task(instance), withVariables("reviewDecision", "PUBLISH", "reviewComment", ""));

        assertThat(instance).isEnded().hasPassed("Event_EntryPublished");
        CatalogEntry published = catalog.current(submission.code()).orElseThrow().entry();
        assertThat(published.grade()).isEqualTo("一般数据");
        assertThat(published.dataCategory()).isEqualTo("人口信息");
    }

    @Test
    void theHeadReturnsWithReasonsAndTheRevisionComesBackToTheHead() {
        Submission submission = submitNew();
        ProcessInstance instance = instance(submission.processInstanceId());

        complete(task(instance), withVariables("headDecision", "RETURN", "reviewComment", "the assessment predates the new items"));

        assertThat(instance).hasPassed("Task_ReturnEntry").isWaitingAt("Task_ReviseEntry");
        assertThat(catalog.submission(submission.id()).status()).isEqualTo(Submission.Status.RETURNED);
        assertThat(catalog.submission(submission.id()).headApproval().comment()).isEqualTo("the assessment predates the new items");
        catalog.revise(provider(), submission.id(), submission.content(), CatalogEntries.assessmentsForPack());
        catalog.resubmit(provider(), submission.id());

        assertThat(instance).hasPassed("Task_RecheckEntry").isWaitingAt("Task_ApproveSubmission");
    }

    @Test
    void aReturnWithoutReasonsOrAnUnknownDecisionIsNotAccepted() {
        ProcessInstance instance = instance(submitNew().processInstanceId());

        assertThatThrownBy(() -> complete(task(instance), withVariables("headDecision", "RETURN", "reviewComment", " ")))
                .hasMessageContaining("must say what to change");
        assertThatThrownBy(() -> complete(task(instance), withVariables("headDecision", "PUBLISH")))
                .hasMessageContaining("APPROVE or RETURN");

        assertThat(instance).isWaitingAt("Task_ApproveSubmission");
    }

    @Test
    void theAuthorityCannotReviewBeforeTheHeadApproved() {
        Submission submission = submitNew();

        assertThatThrownBy(() -> catalog.review(official("authority.li"), submission.id(), "PUBLISH", null))
                .hasMessageContaining("does not wait for a review");
    }

    @Test
    void onlyTheDepartmentsOwnHeadDecides() {
        Submission submission = submitNew();

        assertThatThrownBy(() -> catalog.decideAsHead(official("mzj.he"), submission.id(), "APPROVE", null))
                .hasMessageContaining("approved by its own DEPARTMENT_HEAD");
        assertThatThrownBy(() -> catalog.decideAsHead(provider(), submission.id(), "APPROVE", null))
                .hasMessageContaining("approved by its own DEPARTMENT_HEAD");
        assertThat(catalog.decideAsHead(official("gaj.ma"), submission.id(), "APPROVE", null).headApproval().decision())
                .isEqualTo("APPROVE");
    }

    @Test
    void aRetirementGoesStraightToTheAuthority() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));

        Submission retirement = catalog.requestRetirement(provider(), code, "replaced by the population base");

        assertThat(instance(retirement.processInstanceId())).isWaitingAt("Task_ReviewEntry");
    }

    @Test
    void aSubmissionWithoutItsAssessmentsIsRefusedNamingBoth() {
        CatalogEntry entry = CatalogEntries.forPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));

        assertThatThrownBy(() -> catalog.submit(provider(), entry, null)).satisfies(refusal -> assertThat(fieldsOf(refusal))
                .containsExactly("assessments.secrecy required", "assessments.personalInformation required"));
    }

    @Test
    void personalDataNeedsItsImpactAssessmentAndOtherDataMaySkipIt() {
        SubmissionAssessments.Assessment notDone = new SubmissionAssessments.Assessment(false, null, null, null);
        CatalogEntry residents = CatalogEntries.forPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        assertThatThrownBy(() -> catalog.submit(provider(), residents, new SubmissionAssessments(done(), notDone)))
                .satisfies(refusal -> assertThat(fieldsOf(refusal)).containsExactly("assessments.personalInformation.done assessment-done"));
        assertThatThrownBy(() -> catalog.submit(provider(), residents, new SubmissionAssessments(notDone, done())))
                .satisfies(refusal -> assertThat(fieldsOf(refusal)).containsExactly("assessments.secrecy.done assessment-done"));

        CatalogEntry investigations = CatalogEntries.forPack(CatalogEntries.investigations(CatalogEntries.nextCode("102001", "101")));
        Submission submitted = catalog.submit(provider(), investigations, new SubmissionAssessments(done(), notDone));
        assertThat(submitted.assessments().get(1).done()).isFalse();
    }

    @Test
    void anAssessmentNamesWhatIsMissingOrWrong() {
        CatalogEntry entry = CatalogEntries.forPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        SubmissionAssessments.Assessment future = new SubmissionAssessments.Assessment(true, today().plusDays(1), " ",
                new EvidenceFile("a.pdf", "application/pdf", "not a pdf".getBytes()));

        assertThatThrownBy(() -> catalog.submit(provider(), entry, new SubmissionAssessments(future, done())))
                .satisfies(refusal -> assertThat(fieldsOf(refusal)).containsExactly("assessments.secrecy.doneOn not-in-future",
                        "assessments.secrecy.doneBy required-at-most-200", "assessments.secrecy.file content-matches-type"));
    }

    @Test
    void theGradeIsOneOfThePacksAndTheClassificationIsGiven() {
        CatalogEntry ungraded = CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode());
        assertThatThrownBy(() -> catalog.submit(provider(), ungraded, CatalogEntries.assessmentsForPack()))
                .satisfies(refusal -> assertThat(fieldsOf(refusal)).containsExactly("dataCategory required", "grade grade-of-pack"));

        CatalogEntry wrongGrade = ungraded.graded("人口信息", "机密");
        assertThatThrownBy(() -> catalog.submit(provider(), wrongGrade, CatalogEntries.assessmentsForPack()))
                .hasMessageContaining("一般数据, 重要数据, 核心数据");
    }

    @Test
    void theAuthorityHasTwoWorkingDaysFromTheHeadsApproval() {
        // approved Monday 2026-11-23 10:00: two working days end Wednesday 2026-11-25 23:59:59 (Art. 17)
        at(11, 23, 9);
        Submission submission = submitNew();
        ProcessInstance instance = instance(submission.processInstanceId());
        at(11, 23, 10);
        complete(task(instance), withVariables("headDecision", "APPROVE", "reviewComment", ""));

        Job deadline = timer(instance, "Timer_ReviewDeadline");
        assertThat(ZonedDateTime.ofInstant(deadline.getDuedate().toInstant(), BEIJING).toLocalDateTime())
                .hasToString("2026-11-25T23:59:59");
    }
}
