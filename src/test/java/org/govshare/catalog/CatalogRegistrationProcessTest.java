package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.identity.Official;
import org.govshare.support.ProcessTest;
import org.govshare.support.Packs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.govshare.vocabulary.SharingType;

/** Every path of processes/catalog-registration.bpmn, the review deadline included. */
class CatalogRegistrationProcessTest extends ProcessTest {

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private Official provider() {
        return official("gaj.wang");
    }

    private ProcessInstance instanceOf(Submission submission) {
        return instance(submission.processInstanceId());
    }

    private Submission submitNew() {
        return submitted(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
    }

    /** Submitted as the pack asks (graded and assessed where it grades), and past the head where it asks for that. */
    private Submission submitted(CatalogEntry entry) {
        Submission submission = catalog.submit(provider(), CatalogEntries.forPack(entry), CatalogEntries.assessmentsForPack());
        headApproves(instanceOf(submission));
        return submission;
    }

    private void resubmitted(Submission submission) {
        catalog.resubmit(provider(), submission.id());
        headApproves(instanceOf(submission));
    }

    private void review(ProcessInstance instance, String decision, String comment) {
        complete(task(instance), withVariables("reviewDecision", decision, "reviewComment", comment));
    }

    @Test
    void anEntryTheAuthorityPublishesBecomesVersionOneOfTheSharingCatalog() {
        Submission submission = submitNew();
        ProcessInstance instance = instanceOf(submission);

        assertThat(instance).isWaitingAt("Task_ReviewEntry").task().hasCandidateGroup("sharing-authority.authority");
        review(instance, "PUBLISH", null);

        assertThat(instance).isEnded().hasPassed("Task_PublishEntry", "Event_EntryPublished");
        CatalogListing listing = catalog.current(submission.code()).orElseThrow();
        assertThat(listing.version()).isEqualTo(1);
        assertThat(listing.entry().publishDate()).isNotNull();
        assertThat(listing.entry().tier()).isNotNull();
        assertThat(catalog.submission(submission.id()).status()).isEqualTo(Submission.Status.PUBLISHED);
    }

    @Test
    void aReturnedEntryIsRevisedResubmittedAndPublished() {
        Submission submission = submitNew();
        ProcessInstance instance = instanceOf(submission);

        review(instance, "RETURN", "state the update time of each record");
        assertThat(instance).isWaitingAt("Task_ReviseEntry").task().hasCandidateGroup("public-security.provider-reviewer");
        assertThat(catalog.submission(submission.id()).status()).isEqualTo(Submission.Status.RETURNED);

        catalog.revise(provider(), submission.id(), CatalogEntries.withSummary(submission.content(), "with update times"));
        resubmitted(submission);
        assertThat(instance).hasPassed("Task_RecheckEntry").isWaitingAt("Task_ReviewEntry");
        review(instance, "PUBLISH", null);

        assertThat(instance).isEnded().hasPassed("Event_EntryPublished");
        assertThat(catalog.current(submission.code()).orElseThrow().entry().summary()).isEqualTo("with update times");
    }

    @Test
    void aReturnedEntryMayBeWithdrawn() {
        Submission submission = submitNew();
        ProcessInstance instance = instanceOf(submission);
        review(instance, "RETURN", "this duplicates 101001/101001");

        complete(task(instance), withVariables("revision", "WITHDRAW"));

        assertThat(instance).isEnded().hasPassed("Task_WithdrawSubmission", "Event_SubmissionWithdrawn");
        assertThat(catalog.submission(submission.id()).status()).isEqualTo(Submission.Status.WITHDRAWN);
        assertThat(catalog.current(submission.code())).isEmpty();
    }

    @Test
    void aResubmissionTheRulesStillRefuseGoesBackToTheDepartment() throws Exception {
        Submission submission = submitNew();
        ProcessInstance instance = instanceOf(submission);
        review(instance, "RETURN", "check the sharing type");
        // a revision stored before a rule changed: the recheck applies the rules in force now
        CatalogEntry nonSharingWithoutBasis = CatalogEntries.withSharingType(submission.content(), SharingType.NON_SHARING);
        jdbc.update("update catalog_submission set content = ? where id = ?", json.writeValueAsString(nonSharingWithoutBasis),
                submission.id());

        complete(task(instance), withVariables("revision", "RESUBMIT"));

        assertThat(instance).hasPassed("Task_RecheckEntry").isWaitingAt("Task_ReviseEntry");
        assertThat(instance).variables().containsEntry("refused", true);
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "findingsSummary"))
                .contains("A non-sharing resource cites the law that forbids sharing");
    }

    private String entrySummary(ProcessInstance instance) {
        return (String) processEngine.getRuntimeService().getVariable(instance.getId(), "entrySummary");
    }

    @Test
    void theReviewTaskShowsTheWholeEntry() {
        ProcessInstance instance = instanceOf(submitNew());

        assertThat(entrySummary(instance)).contains("申请类型 Submission: NEW")
                .contains("数据项 Item 公民身份号码: string(18), 敏感级别 sensitivity PERSONAL")
                .contains("数据项 Item 户籍地址: string(200), 敏感级别 sensitivity PERSONAL")
                .contains("共享类型 Sharing type: CONDITIONAL")
                .contains("共享条件 Conditions: 用于法定职责内的身份核验")
                .contains("可校验条件 Machine-checkable conditions: PURPOSE_REQUIRED = 身份核验")
                .contains("法律依据 Legal basis: —")
                .contains("法定职责 Statutory duty: 户籍管理 (户口登记条例)")
                .doesNotContain("/api/").hasSizeLessThanOrEqualTo(4000);
    }

    @Test
    void aNonSharingEntryShowsItsLegalBasis() {
        ProcessInstance instance = instanceOf(submitted(
                CatalogEntries.investigations(CatalogEntries.nextCode("102001", "101"))));

        assertThat(entrySummary(instance)).contains("共享类型 Sharing type: NON_SHARING")
                .contains("法律依据 Legal basis: 《中华人民共和国刑事诉讼法》 第一百五十二条")
                .contains("数据项 Item 案件编号: string(30), 敏感级别 sensitivity INTERNAL");
    }

    @Test
    void aRevisionAndItsRecheckShowTheRevisedEntry() {
        Submission submission = submitNew();
        ProcessInstance instance = instanceOf(submission);
        review(instance, "RETURN", "state the update time of each record");

        catalog.revise(provider(), submission.id(), CatalogEntries.withSummary(submission.content(), "with update times"));
        assertThat(entrySummary(instance)).contains("摘要 Summary: with update times");
        resubmitted(submission);

        assertThat(instance).isWaitingAt("Task_ReviewEntry");
        assertThat(entrySummary(instance)).contains("摘要 Summary: with update times");
    }

    @Test
    void aChangeShowsWhatDiffersFromThePublishedVersion() {
        Submission first = submitNew();
        review(instanceOf(first), "PUBLISH", null);

        Submission change = submitted(CatalogEntries.withSharingType(
                CatalogEntries.withSummary(first.content(), "now with addresses"), SharingType.UNCONDITIONAL));

        assertThat(entrySummary(instanceOf(change))).contains("申请类型 Submission: CHANGE")
                .contains("与现行版本 1 的差异 Changes from published version 1")
                .contains("• 摘要 Summary: Registered residents: identity and household → now with addresses")
                .contains("• 共享类型 Sharing type: CONDITIONAL → UNCONDITIONAL")
                .doesNotContain("• 资源代码 Code").doesNotContain("• 发布日期");
    }

    @Test
    void aRetirementShowsThePublishedVersionItRetires() {
        Submission first = submitNew();
        review(instanceOf(first), "PUBLISH", null);

        ProcessInstance instance = instanceOf(catalog.requestRetirement(provider(), first.code(), "replaced"));

        assertThat(entrySummary(instance)).contains("申请类型 Submission: RETIRE")
                .contains("Retires published version 1").contains("数据项 Item 姓名: string(50)");
    }

    @Test
    void aReturnWithoutReasonsIsNotAccepted() {
        Submission submission = submitNew();
        ProcessInstance instance = instanceOf(submission);

        assertThatThrownBy(() -> review(instance, "RETURN", " ")).hasMessageContaining("must say what to change");

        assertThat(instance).isWaitingAt("Task_ReviewEntry");
    }

    @Test
    void aChangeBecomesVersionTwoAndVersionOneStaysReadable() {
        Submission first = submitNew();
        review(instanceOf(first), "PUBLISH", null);

        Submission change = submitted(CatalogEntries.withSummary(first.content(), "now with addresses"));
        assertThat(change.kind()).isEqualTo(Submission.Kind.CHANGE);
        review(instanceOf(change), "PUBLISH", null);

        assertThat(catalog.history(first.code(), 0, 20)).extracting(CatalogVersion::version).containsExactly(2, 1);
        assertThat(catalog.version(first.code(), 1).content().summary()).isEqualTo(first.content().summary());
        assertThat(catalog.current(first.code()).orElseThrow().entry().summary()).isEqualTo("now with addresses");
    }

    @Test
    void retiringAnEntryIsReviewedToo() {
        Submission first = submitNew();
        review(instanceOf(first), "PUBLISH", null);

        Submission retirement = catalog.requestRetirement(provider(), first.code(), "replaced by the population base");
        ProcessInstance instance = instanceOf(retirement);
        assertThat(instance).isWaitingAt("Task_ReviewEntry");
        review(instance, "PUBLISH", null);

        assertThat(instance).isEnded().hasPassed("Event_EntryRetired").hasNotPassed("Event_EntryPublished");
        assertThat(catalog.current(first.code()).orElseThrow().status()).isEqualTo("RETIRED");
        assertThat(catalog.search(new CatalogQuery(first.code(), null, null, null, null, null, null, null, null)).total()).isZero();
        assertThat(catalog.search(new CatalogQuery(first.code(), null, null, null, null, null, true, null, null)).total()).isOne();
    }

    @Test
    void whenTheReviewDeadlinePassesTheSubmissionIsMarkedOverdueAndStillAwaitsReview() {
        // Submitted Monday 2026-11-23 09:00 in Zhengzhou. The day of submission does not count, and ten working days
        // end at 23:59:59 (Asia/Shanghai) of the tenth working day after it, on the official calendar: no holiday
        // of the 2026 notice falls in between, so that is Monday 2026-12-07 23:59:59. The national pack's two working
        // days end on Wednesday 2026-11-25.
        ZonedDateTime monday = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, BEIJING);
        ClockUtil.setCurrentTime(Date.from(monday.toInstant()));
        Submission submission = submitNew();
        ProcessInstance instance = instanceOf(submission);
        Job deadline = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        ZonedDateTime due = ZonedDateTime.ofInstant(deadline.getDuedate().toInstant(), BEIJING);
        assertThat(due.toLocalDate()).hasToString(Packs.byPack("2026-12-07", "2026-11-25"));
        assertThat(due.getDayOfWeek()).isEqualTo(Packs.byPack(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        assertThat(due.toLocalTime()).hasToString("23:59:59");
        assertThat(task(instance).getDueDate()).isEqualTo(deadline.getDuedate());

        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1)).toInstant()));
        execute(deadline);

        assertThat(instance).hasPassed("Task_RecordReviewOverdue", "Event_OverdueRecorded").isWaitingAt("Task_ReviewEntry");
        assertThat(catalog.submission(submission.id()).overdue()).isTrue();
        review(instance, "PUBLISH", null);
        assertThat(instance).isEnded();
    }

    @Test
    void theReviewDeadlineSkipsTheSpringFestivalAndCountsItsMakeUpSaturdays() {
        // Submitted Friday 2026-02-13: Sat 14 Feb (worked) is day 1, 15 to 23 Feb are off, Tue 24 to Fri 27 are
        // days 2 to 5, Sat 28 Feb (worked) is day 6, Mon 2 to Thu 5 March are days 7 to 10 (the national pack's two
        // working days end on Tue 24 Feb)
        at(2, 13, 16);
        ProcessInstance instance = instanceOf(submitNew());

        Job deadline = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(ZonedDateTime.ofInstant(deadline.getDuedate().toInstant(), BEIJING).toLocalDateTime())
                .hasToString(Packs.byPack("2026-03-05T23:59:59", "2026-02-24T23:59:59"));
    }

    @Test
    void aVariableSetOnCompletingATaskCannotPointAStepAtAnotherSubmission() {
        Submission mine = submitNew();
        Submission other = submitNew();
        ProcessInstance instance = instanceOf(mine);
        review(instance, "RETURN", "please correct the duty");

        complete(task(instance), withVariables("revision", "WITHDRAW", "submissionId", other.id(),
                "providerDepartment", "civil-affairs"));

        assertThat(catalog.submission(mine.id()).status()).isEqualTo(Submission.Status.WITHDRAWN);
        assertThat(catalog.submission(other.id()).status()).isEqualTo(Submission.Status.IN_REVIEW);
    }
}
