package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.identity.Official;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/catalog-update.bpmn (Art. 17 of the national regulation), the deadlines by moving the
 * clock: run with {@code -Dgovshare.rules.pack=national-2025}; skipped under a pack without catalog-update-duty.
 */
class CatalogUpdateProcessTest extends ProcessTest {

    /** A Monday without holidays in the ten working days after it. */
    private static final LocalDate EFFECTIVE = LocalDate.of(2026, 11, 23);

    @Autowired
    CatalogChanges changes;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void underAPackWithTheUpdateDuty() {
        assumeTrue(CatalogEntries.assessed(), "the pack under test has no catalog-update-duty step");
        at(11, 23, 9);
    }

    private Official keeper() {
        return official("gaj.wang");
    }

    private CatalogChange recordChange() {
        return changes.record(keeper(), new CatalogChanges.NewChange("《户口登记条例》修订", "居住证信息并入常住人口库", EFFECTIVE));
    }

    private ProcessInstance instanceOf(CatalogChange change) {
        return instance(changes.visibleTo(keeper(), change.id()).processInstanceId());
    }

    private Submission submitUpdate() {
        return catalog.submit(keeper(), CatalogEntries.forPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode())),
                CatalogEntries.assessmentsForPack());
    }

    private static String day(Date due) {
        return ZonedDateTime.ofInstant(due.toInstant(), BEIJING).toLocalDateTime().toString();
    }

    private long violations(CatalogChange change) {
        return jdbc.queryForObject("select count(*) from violation where type = 'CATALOG_NOT_UPDATED' and evidence_id = ?",
                Long.class, change.id());
    }

    @Test
    void aChangeIsAnsweredBySubmissionsWithinTenWorkingDays() {
        CatalogChange change = recordChange();
        ProcessInstance instance = instanceOf(change);

        assertThat(change.id()).startsWith("ML-2026-");
        assertThat(instance).isWaitingAt("Task_UpdateCatalog").task().hasCandidateGroup("public-security.provider-reviewer");
        assertThat(day(task(instance).getDueDate())).isEqualTo("2026-12-07T23:59:59");
        assertThat(day(timer(instance, "Timer_UpdateDeadline").getDuedate())).isEqualTo("2026-12-07T23:59:59");
        Submission update = submitUpdate();
        complete(task(instance), withVariables("updateOutcome", "ANSWERED", "submissionIds", update.id()));

        assertThat(instance).isEnded().hasPassed("Event_CatalogUpdated").hasNotPassed("Task_RecordUpdateOverdue");
        CatalogChange answered = changes.visibleTo(keeper(), change.id());
        assertThat(answered.status()).isEqualTo(CatalogChange.Status.ANSWERED);
        assertThat(answered.submissionIds()).containsExactly(update.id());
    }

    @Test
    void anUnansweredChangeAtItsDeadlineIsAViolationAndTheTaskStaysOpen() {
        CatalogChange change = recordChange();
        ProcessInstance instance = instanceOf(change);
        Job deadline = timer(instance, "Timer_UpdateDeadline");

        ClockUtil.setCurrentTime(Date.from(endOf(12, 8)));
        execute(deadline);

        assertThat(instance).hasPassed("Task_RecordUpdateOverdue", "Event_OverdueRecorded").isWaitingAt("Task_UpdateCatalog");
        assertThat(changes.visibleTo(keeper(), change.id()).overdue()).isTrue();
        assertThat(violations(change)).isOne();
        assertThat(jdbc.queryForObject("select article from violation where evidence_id = ?", String.class, change.id()))
                .contains("39");

        Submission late = submitUpdate();
        complete(task(instance), withVariables("updateOutcome", "ANSWERED", "submissionIds", late.id()));
        assertThat(instance).isEnded();
        assertThat(violations(change)).as("recorded once").isOne();
    }

    @Test
    void theAuthorityConsentsToFifteenWorkingDaysInAll() {
        CatalogChange change = recordChange();
        ProcessInstance instance = instanceOf(change);

        complete(task(instance), withVariables("updateOutcome", "EXTEND", "extensionReason", "the new register is not yet built"));
        assertThat(instance).isWaitingAt("Task_DecideExtension").task().hasCandidateGroup("sharing-authority.authority");
        assertThat(changes.visibleTo(keeper(), change.id()).status()).isEqualTo(CatalogChange.Status.EXTENSION_ASKED);
        complete(task(instance), withVariables("extensionDecision", "CONSENT", "extensionComment", ""));

        assertThat(instance).isWaitingAt("Task_UpdateCatalog");
        assertThat(day(timer(instance, "Timer_UpdateDeadline").getDuedate())).isEqualTo("2026-12-14T23:59:59");
        assertThat(day(task(instance).getDueDate())).isEqualTo("2026-12-14T23:59:59");
        assertThatThrownBy(() -> complete(task(instance), withVariables("updateOutcome", "EXTEND", "extensionReason", "again")))
                .hasMessageContaining("extended once at most");
    }

    @Test
    void aRefusedExtensionKeepsTheFirstDeadlineAndMissingItIsAViolation() {
        CatalogChange change = recordChange();
        ProcessInstance instance = instanceOf(change);
        complete(task(instance), withVariables("updateOutcome", "EXTEND", "extensionReason", "busy"));

        assertThatThrownBy(() -> complete(task(instance), withVariables("extensionDecision", "REFUSE", "extensionComment", " ")))
                .hasMessageContaining("say why");
        ClockUtil.setCurrentTime(Date.from(endOf(12, 8)));
        complete(task(instance), withVariables("extensionDecision", "REFUSE", "extensionComment", "ten days are enough"));

        assertThat(instance).isWaitingAt("Task_UpdateCatalog");
        Job deadline = timer(instance, "Timer_UpdateDeadline");
        assertThat(day(deadline.getDuedate())).isEqualTo("2026-12-07T23:59:59");
        execute(deadline);
        assertThat(violations(change)).isOne();
    }

    @Test
    void anExtensionIsAskedBeforeTheDeadlineWithReasons() {
        CatalogChange change = recordChange();
        ProcessInstance instance = instanceOf(change);

        assertThatThrownBy(() -> complete(task(instance), withVariables("updateOutcome", "EXTEND", "extensionReason", "")))
                .hasMessageContaining("say why");
        ClockUtil.setCurrentTime(Date.from(endOf(12, 8)));
        assertThatThrownBy(() -> complete(task(instance), withVariables("updateOutcome", "EXTEND", "extensionReason", "late")))
                .hasMessageContaining("has passed");
        assertThat(instance).isWaitingAt("Task_UpdateCatalog");
    }

    @Test
    void anAnswerNamesTheDepartmentsOwnSubmissionsMadeForTheChange() {
        Submission before = submitUpdate();
        // submitted a month before the change took effect
        jdbc.update("update catalog_submission set submitted_at = ? where id = ?",
                java.sql.Timestamp.from(beijing(10, 23, 9, 0)), before.id());
        CatalogChange change = recordChange();
        ProcessInstance instance = instanceOf(change);
        Submission others = catalog.submit(official("mzj.chen"), CatalogEntries.forPack(CatalogEntries.organisations(
                CatalogEntries.nextCode("203001", "102"))), CatalogEntries.assessmentsForPack());

        assertThatThrownBy(() -> complete(task(instance), withVariables("updateOutcome", "ANSWERED", "submissionIds",
                before.id() + "," + others.id() + ",no-such")))
                .hasMessageContaining("predates the change").hasMessageContaining("must be public-security's")
                .hasMessageContaining("no catalog submission no-such");
        assertThatThrownBy(() -> complete(task(instance), withVariables("updateOutcome", "ANSWERED", "submissionIds", "")))
                .hasMessageContaining("name the catalog submissions");
        assertThat(instance).isWaitingAt("Task_UpdateCatalog");
    }

    @Test
    void aChangeNeedsItsBasisDescriptionAndDay() {
        assertThatThrownBy(() -> changes.record(keeper(), new CatalogChanges.NewChange(" ", null, null)))
                .hasMessageContaining("basis").hasMessageContaining("description").hasMessageContaining("effectiveOn");
        assertThatThrownBy(() -> changes.record(official("mzj.liu"), new CatalogChanges.NewChange("a", "b", EFFECTIVE)))
                .hasMessageContaining("PROVIDER_REVIEWER");
    }
}
