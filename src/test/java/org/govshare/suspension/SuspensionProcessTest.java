package org.govshare.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of processes/sharing-suspension.bpmn (national regulation Art. 27): rectified and restored; found not
 * rectified and terminated; no report by the deadline and terminated; and who may suspend, report and verify. The
 * process exists under a pack with the step sharing-suspension (national-2025); under another the test is skipped and
 * SuspensionIT checks the step stays invisible.
 */
class SuspensionProcessTest extends ProcessTest {

    @Autowired
    Suspensions suspensions;

    @Autowired
    Grants grants;

    @Autowired
    PackInForce pack;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void theStepIsOn() {
        Assumptions.assumeTrue(pack.on(OptionalStep.SHARING_SUSPENSION), "the pack in force has no sharing-suspension");
    }

    private Grant grant(String consumer, String provider, String resource) {
        return grants.issue(new NewGrant(consumer, provider, resource, "资源 " + resource, List.of("统一社会信用代码"),
                "市场主体登记核验", "《市场主体登记管理条例》", "核验", List.of(), List.of(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Grants.SOURCE_REQUEST, "GX-2026-999998", List.of(), List.of()));
    }

    private ProcessInstance instanceOf(Suspension suspension) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(suspension.id())
                .singleResult();
    }

    private Grant.Status statusOf(Grant grant) {
        return grants.find(grant.id()).status();
    }

    @Test
    void aProviderSuspendsAllTheGrantsOnItsResourcesAndARectificationAcceptedRestoresThem() {
        // Friday 6 Feb 2026: 15 working days cross the Spring Festival and end on Thursday 5 March
        at(2, 6, 10);
        Grant first = grant("market-supervision", "public-security", "101001/101001");
        Grant second = grant("market-supervision", "public-security", "101001/101002");
        Grant another = grant("market-supervision", "civil-affairs", "203001/203001");

        Suspension suspension = suspensions.suspend(official("gaj.wang"), "market-supervision", null,
                "核验数据被用于营销 the data was used for marketing");
        ProcessInstance instance = instanceOf(suspension);

        assertThat(suspension.id()).matches("ZT-\\d{4}-\\d{6}");
        assertThat(suspension.scope()).isEqualTo(Suspension.Scope.ALL);
        assertThat(suspension.grants()).extracting(Suspension.Held::grantId).contains(first.id(), second.id())
                .doesNotContain(another.id());
        assertThat(instance).isWaitingAt("Task_ReportRectification");
        assertThat(task(instance)).hasCandidateGroup("market-supervision.applicant");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(endOf(3, 5));
        assertThat(timer(instance, "Timer_RectificationDeadline").getDuedate()).isEqualTo(task(instance).getDueDate());
        assertThat(suspensions.suspending(first.id())).contains(suspension.id());
        assertThat(suspensions.suspending(another.id())).isEmpty();

        at(3, 2, 10);
        suspensions.report(official("scj.yang"), suspension.id(), "已停止营销使用并删除副本 stopped and deleted the copies");
        assertThat(instance).isWaitingAt("Task_VerifyRectification");
        assertThat(task(instance)).hasCandidateGroup("public-security.provider-reviewer");
        assertThat(suspensions.suspending(first.id())).as("suspended until verified").contains(suspension.id());

        suspensions.verify(official("gaj.wang"), suspension.id(), "RECTIFIED", null);

        assertThat(instance).isEnded().hasPassed("Task_RestoreSharing", "Event_SharingRestored")
                .hasNotPassed("Task_TerminateSharing");
        assertThat(suspensions.require(suspension.id()).status()).isEqualTo(Suspension.Status.RESTORED);
        assertThat(suspensions.suspending(first.id())).isEmpty();
        assertThat(statusOf(first)).isEqualTo(Grant.Status.ACTIVE);
        assertThat(statusOf(second)).isEqualTo(Grant.Status.ACTIVE);
    }

    @Test
    void theAuthorityFindsItNotRectifiedWithReasonsAndTheGrantIsTerminated() {
        at(3, 9, 10);
        Grant grant = grant("civil-affairs", "market-supervision", "301001/301001");
        Grant untouched = grant("civil-affairs", "market-supervision", "301001/301002");
        Suspension suspension = suspensions.suspend(official("authority.li"), "civil-affairs", grant.id(),
                "将共享数据提供给第三方 passed the data to a third party");
        ProcessInstance instance = instanceOf(suspension);
        assertThat(suspension.grants()).extracting(Suspension.Held::grantId).containsExactly(grant.id());
        suspensions.report(official("mzj.liu"), suspension.id(), "已收回 recovered from the third party");
        assertThat(task(instance)).hasCandidateGroup("sharing-authority.authority");

        assertThatThrownBy(() -> suspensions.verify(official("authority.li"), suspension.id(), "NOT_RECTIFIED", " "))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule())
                        .isEqualTo("not-rectified-needs-reasons"));
        assertThat(instance).isWaitingAt("Task_VerifyRectification");
        // as Tasklist would complete it: the engine knows who, and the step records them
        org.govshare.identity.Official li = official("authority.li");
        processEngine.getIdentityService().setAuthentication(li.login(), li.groupIds());
        suspensions.verify(li, suspension.id(), "NOT_RECTIFIED", "第三方仍持有数据 the third party still holds it");
        processEngine.getIdentityService().clearAuthentication();

        assertThat(instance).isEnded().hasPassed("Task_TerminateSharing", "Event_SharingTerminated");
        assertThat(suspensions.require(suspension.id()).status()).isEqualTo(Suspension.Status.TERMINATED);
        Grant terminated = grants.find(grant.id());
        assertThat(terminated.status()).isEqualTo(Grant.Status.TERMINATED);
        assertThat(terminated.revokedBy()).isEqualTo("authority.li");
        assertThat(terminated.revocationReason()).contains(suspension.id(), "third party still holds it");
        assertThat(terminated.validOn(today())).isFalse();
        assertThat(statusOf(untouched)).isEqualTo(Grant.Status.ACTIVE);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'GRANT_TERMINATED' and object_id = ?",
                Long.class, grant.id())).isOne();
    }

    @Test
    void noReportByTheDeadlineTerminatesTheGrants() {
        at(4, 13, 10);
        Grant grant = grant("public-security", "civil-affairs", "203001/203009");
        Suspension suspension = suspensions.suspend(official("mzj.chen"), "public-security", grant.id(),
                "超范围使用 used beyond the granted purpose");
        ProcessInstance instance = instanceOf(suspension);
        var deadline = timer(instance, "Timer_RectificationDeadline");

        at(5, 20, 10);
        execute(deadline);

        assertThat(instance).isEnded().hasPassed("Timer_RectificationDeadline", "Task_TerminateSharing")
                .hasNotPassed("Task_VerifyRectification");
        assertThat(statusOf(grant)).isEqualTo(Grant.Status.TERMINATED);
        assertThat(grants.find(grant.id()).revokedBy()).isEqualTo("system");
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'SHARING_TERMINATED'"
                + " and object_id = ?", String.class, suspension.id())).contains("\"deadlinePassed\":true", grant.id());
    }

    @Test
    void onlyTheAuthorityOrTheProviderOfTheGrantSuspendsAndOnlyThePartiesAct() {
        at(6, 1, 10);
        Grant grant = grant("civil-affairs", "public-security", "101001/101009");

        assertThatThrownBy(() -> suspensions.suspend(official("scj.huang"), "civil-affairs", grant.id(), "misuse"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suspensions.suspend(official("mzj.liu"), "civil-affairs", grant.id(), "misuse"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suspensions.suspend(official("gaj.wang"), "market-supervision", grant.id(), "misuse"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule())
                        .isEqualTo("grant-of-department"));

        Suspension suspension = suspensions.suspend(official("gaj.wang"), "civil-affairs", grant.id(), "misuse");
        assertThatThrownBy(() -> suspensions.suspend(official("authority.li"), "civil-affairs", grant.id(), "again"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("already-suspended"));
        assertThatThrownBy(() -> suspensions.report(official("gaj.zhang"), suspension.id(), "not ours"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> suspensions.verify(official("gaj.wang"), suspension.id(), "RECTIFIED", null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("not-waiting"));
        suspensions.report(official("mzj.liu"), suspension.id(), "done");
        assertThatThrownBy(() -> suspensions.verify(official("authority.li"), suspension.id(), "RECTIFIED", null))
                .as("a provider's suspension is verified by that provider").isInstanceOf(AccessDeniedException.class);
        suspensions.verify(official("gaj.wang"), suspension.id(), "RECTIFIED", null);
        assertThat(suspensions.require(suspension.id()).status()).isEqualTo(Suspension.Status.RESTORED);
    }
}
