package org.govshare.disposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of processes/grant-disposal.bpmn (national Art. 27): a grant ends (revoked, purpose met, expired), its
 * holder attests the disposal in time, or lets the deadline pass and a NOT_DISPOSED violation is recorded. Under a pack
 * that leaves the step off, an ending starts nothing. Grants run Monday 2 March 2026 onwards: ten working days from
 * then end on Monday 16 March (no holiday in March).
 */
class GrantDisposalProcessTest extends ProcessTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Autowired
    Grants grants;

    @Autowired
    GrantDisposals disposals;

    @Autowired
    PackInForce pack;

    @Autowired
    JdbcTemplate jdbc;

    /** Civil Affairs (mzj.liu) holds Public Security's residents until the end of March. */
    private Grant issue() {
        return grants.issue(new NewGrant("civil-affairs", "public-security", "101001/101001", "常住人口基本信息",
                List.of("公民身份号码"), "低保申请人身份核验", "《社会救助暂行办法》 第十一条", "身份核验", List.of("mzj.liu"),
                List.of(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31), Grants.SOURCE_REQUEST, "GX-2026-999998",
                List.of(), List.of()));
    }

    private ProcessInstance instanceOf(Grant grant) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(GrantDisposals.PROCESS).processInstanceBusinessKey(grant.id()).singleResult();
    }

    private void assumeStepOn() {
        assumeTrue(pack.on(OptionalStep.DISPOSAL_ATTESTATION), "the pack in force leaves disposal-attestation off");
    }

    @Test
    void aRevokedGrantsHolderAttestsTheDisposalInTimeOnTheProvidersRequirements() {
        assumeStepOn();
        at(3, 2, 10);
        Grant grant = issue();
        disposals.stateRequirements(official("gaj.wang"), grant.id(), "粉碎纸质材料并删除电子数据 shred and delete");
        at(3, 3, 10);
        grants.revoke(official("gaj.wang"), grant.id(), "用途变更 purpose changed");
        ProcessInstance instance = instanceOf(grant);

        // Tuesday 3 March + 10 working days: 4-6, 9-13, 16, 17 March: due at the end of Tuesday 17 March
        assertThat(instance).isWaitingAt("Task_AttestDisposal");
        assertThat(task(instance)).hasCandidateGroup("civil-affairs.applicant");
        assertThat(timer(instance, "Timer_DisposalDeadline").getDuedate().toInstant()).isEqualTo(endOf(3, 17));
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(endOf(3, 17));
        Disposal awaiting = disposals.seenBy(official("mzj.liu"), grant.id());
        assertThat(awaiting.status()).isEqualTo(Disposal.Status.AWAITING_ATTESTATION);
        assertThat(awaiting.endedHow()).isEqualTo(Grant.Status.REVOKED);
        assertThat(awaiting.requirements()).isEqualTo("粉碎纸质材料并删除电子数据 shred and delete");

        at(3, 10, 10);
        assertThatThrownBy(() -> disposals.attest(official("gaj.wang"), grant.id(), "deleted", "2026-03-09", null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> disposals.attest(official("mzj.liu"), grant.id(), "deleted", "2026-03-11", null, null))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("not-in-future"));
        assertThatThrownBy(() -> disposals.attest(official("mzj.liu"), grant.id(), " ", "2026-03-09", null, null))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("method"));
        assertThat(instance).isWaitingAt("Task_AttestDisposal");

        Disposal attested = disposals.attest(official("mzj.liu"), grant.id(), "数据库记录已删除 records deleted",
                "2026-03-09", "备份同时清除 backups too", new EvidenceFile("destruction.pdf", "application/pdf", PDF));

        assertThat(instance).isEnded().hasPassed("Event_Disposed").hasNotPassed("Task_RecordNotDisposed");
        assertThat(attested.status()).isEqualTo(Disposal.Status.ATTESTED);
        assertThat(attested.doneOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(attested.file()).isEqualTo("destruction.pdf");
        assertThat(disposals.proof(official("gaj.wang"), grant.id())).isEqualTo(PDF);
        assertThatThrownBy(() -> disposals.attest(official("mzj.liu"), grant.id(), "again", "2026-03-09", null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("not-waiting"));
    }

    @Test
    void noAttestationByTheDeadlineIsANotDisposedViolationAgainstTheHolder() {
        assumeStepOn();
        at(3, 2, 10);
        Grant grant = issue();
        at(3, 5, 10);
        grants.declarePurposeMet(official("mzj.liu"), grant.id(), "核验已完成 the checks are done");
        ProcessInstance instance = instanceOf(grant);
        assertThat(grants.find(grant.id()).status()).isEqualTo(Grant.Status.PURPOSE_MET);
        Disposal awaiting = disposals.seenBy(official("authority.li"), grant.id());
        assertThat(awaiting.endedHow()).isEqualTo(Grant.Status.PURPOSE_MET);
        assertThat(awaiting.requirements()).contains("delete or destroy");
        // Thursday 5 March + 10 working days: due at the end of Thursday 19 March
        assertThat(timer(instance, "Timer_DisposalDeadline").getDuedate().toInstant()).isEqualTo(endOf(3, 19));

        at(3, 20, 9);
        execute(timer(instance, "Timer_DisposalDeadline"));

        assertThat(instance).isEnded().hasPassed("Task_RecordNotDisposed", "Event_NotDisposed")
                .hasNotPassed("Event_Disposed");
        Disposal overdue = disposals.seenBy(official("gaj.wang"), grant.id());
        assertThat(overdue.status()).isEqualTo(Disposal.Status.OVERDUE);
        assertThat(jdbc.queryForMap("select department, type, evidence_type, evidence_id from violation where id = ?",
                overdue.violationId())).containsEntry("department", "civil-affairs").containsEntry("type", "NOT_DISPOSED")
                .containsEntry("evidence_type", "grant").containsEntry("evidence_id", grant.id());
        assertThatThrownBy(() -> grants.declarePurposeMet(official("mzj.liu"), grant.id(), "again"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("grant-ended"));
    }

    @Test
    void anExpiredGrantsHolderIsAskedToDisposeWhenTheSweepRecordsTheExpiry() {
        assumeStepOn();
        at(3, 2, 10);
        Grant grant = issue();
        at(4, 1, 10);
        grants.expireDue();

        assertThat(instanceOf(grant)).isWaitingAt("Task_AttestDisposal");
        assertThat(disposals.seenBy(official("mzj.liu"), grant.id()).endedHow()).isEqualTo(Grant.Status.EXPIRED);
    }

    @Test
    void underAPackThatLeavesTheStepOffAnEndingStartsNothing() {
        assumeFalse(pack.on(OptionalStep.DISPOSAL_ATTESTATION), "the pack in force turns disposal-attestation on");
        at(3, 2, 10);
        Grant grant = issue();
        grants.revoke(official("gaj.wang"), grant.id(), "用途变更 purpose changed");

        assertThat(instanceOf(grant)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from grant_disposal where grant_id = ?", Long.class, grant.id()))
                .isZero();
        assertThatThrownBy(() -> grants.declarePurposeMet(official("mzj.liu"), grant.id(), "done"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("step-off"));
        assertThatThrownBy(() -> disposals.seenBy(official("mzj.liu"), grant.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("step-off"));
    }
}
