package org.govshare.sharingchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntries;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.identity.Official;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/sharing-change.bpmn (national regulation Art. 27, no unilateral end or change): every holder
 * agrees and the accepted retirement takes effect on its day; a holder objects and the authority refuses; the answer
 * deadline passes with a holder silent; and a retirement or service change that skips the consultation is refused.
 * Public Security's residents resource is held by Civil Affairs and Market Supervision. Skipped under a pack without
 * the step retirement-consultation (SharingChangeIT checks the step stays invisible there).
 */
class SharingChangeProcessTest extends ProcessTest {

    @Autowired
    SharingChanges changes;

    @Autowired
    ConsultHoldersFirst consultHoldersFirst;

    @Autowired
    Catalog catalog;

    @Autowired
    Grants grants;

    @Autowired
    PackInForce pack;

    private String code;
    private Grant civilAffairs;
    private Grant marketSupervision;

    @BeforeEach
    void aResourceTwoDepartmentsHold() {
        Assumptions.assumeTrue(pack.on(OptionalStep.RETIREMENT_CONSULTATION), "the pack in force has no retirement-consultation");
        at(3, 2, 10);
        code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        civilAffairs = grant("civil-affairs");
        marketSupervision = grant("market-supervision");
    }

    private Grant grant(String holder) {
        return grants.issue(new NewGrant(holder, "public-security", code, "常住人口基本信息", RESIDENT_ITEMS, "身份核验",
                "《社会救助暂行办法》", "身份核验", List.of(), List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Grants.SOURCE_REQUEST, "GX-2026-999997", List.of(), List.of()));
    }

    private SharingChange file(String kind, LocalDate effectiveOn) {
        return changes.file(official("gaj.wang"), code, kind, "系统整合，数据并入人口综合库 merged into the population base",
                effectiveOn);
    }

    private ProcessInstance instanceOf(SharingChange change) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(change.id())
                .singleResult();
    }

    private void answer(String login, SharingChange change, String answer, String reasons) {
        Official holder = official(login);
        processEngine.getIdentityService().setAuthentication(holder.login(), holder.groupIds());
        changes.answer(holder, change.id(), answer, reasons);
        processEngine.getIdentityService().clearAuthentication();
    }

    private void decide(SharingChange change, String decision, String reasons) {
        Official li = official("authority.li");
        processEngine.getIdentityService().setAuthentication(li.login(), li.groupIds());
        changes.decide(li, change.id(), decision, reasons);
        processEngine.getIdentityService().clearAuthentication();
    }

    private String resourceStatus() {
        return catalog.current(code).orElseThrow().status();
    }

    @Test
    void everyHolderAgreesTheAuthorityAcceptsAndOnItsDayTheResourceIsRetiredAndItsGrantsTerminated() {
        assertThatThrownBy(() -> catalog.requestRetirement(official("gaj.wang"), code, "merged"))
                .as("retiring without consulting the holders").isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.rule()).isEqualTo("consult-holders-first"));

        SharingChange change = file("RETIREMENT", LocalDate.of(2026, 3, 20));
        ProcessInstance instance = instanceOf(change);

        assertThat(change.id()).matches("BG-\\d{4}-\\d{6}");
        assertThat(change.answers()).extracting(SharingChange.Answer::department)
                .containsExactly("civil-affairs", "market-supervision");
        assertThat(instance).isWaitingAt("Task_AnswerConsultation");
        assertThat(taskQuery().processInstanceId(instance.getId()).list()).hasSize(2)
                .allSatisfy(t -> assertThat(t.getDueDate().toInstant()).as("10 working days from Monday 2 March")
                        .isEqualTo(endOf(3, 16)));
        assertThat(taskQuery().processInstanceId(instance.getId()).taskCandidateGroup("civil-affairs.applicant").count()).isOne();
        assertThatThrownBy(() -> file("RETIREMENT", LocalDate.of(2026, 3, 20)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("one-open-filing"));

        answer("mzj.liu", change, "AGREE", null);
        answer("scj.yang", change, "AGREE", null);

        assertThat(instance).isWaitingAt("Task_DecideFiling");
        assertThat(task(instance)).hasCandidateGroup("sharing-authority.authority");
        decide(change, "ACCEPT", null);
        assertThat(instance).isWaitingAt("Timer_EffectiveDate");
        assertThat(changes.require(change.id()).status()).isEqualTo(SharingChange.Status.ACCEPTED);
        assertThat(resourceStatus()).as("not before its day").isEqualTo("PUBLISHED");

        at(3, 20, 1);
        execute(timer(instance, "Timer_EffectiveDate"));

        assertThat(instance).isEnded().hasPassed("Task_TakeEffect", "Event_ChangeInEffect");
        assertThat(resourceStatus()).isEqualTo("RETIRED");
        assertThat(changes.require(change.id()).status()).isEqualTo(SharingChange.Status.IN_EFFECT);
        for (Grant held : List.of(civilAffairs, marketSupervision)) {
            Grant ended = grants.find(held.id());
            assertThat(ended.status()).isEqualTo(Grant.Status.TERMINATED);
            assertThat(ended.revokedBy()).isEqualTo("authority.li");
            assertThat(ended.revocationReason()).contains(change.id(), "retired");
        }
    }

    @Test
    void aHolderObjectsWithReasonsAndTheAuthorityRefusesSoNothingChanges() {
        SharingChange change = file("RETIREMENT", LocalDate.of(2026, 4, 1));
        ProcessInstance instance = instanceOf(change);

        assertThatThrownBy(() -> answer("mzj.liu", change, "OBJECT", " "))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule())
                        .isEqualTo("objection-needs-reasons"));
        answer("mzj.liu", change, "OBJECT", "低保审核依赖该资源 assistance checks rely on it");
        answer("scj.yang", change, "AGREE", null);
        assertThat(changes.require(change.id()).answers()).extracting(SharingChange.Answer::answer)
                .containsExactly(SharingChange.AnswerKind.OBJECT, SharingChange.AnswerKind.AGREE);
        assertThat(changes.summary(changes.require(change.id()))).contains("assistance checks rely on it");

        assertThatThrownBy(() -> decide(change, "REFUSE", null))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule())
                        .isEqualTo("refusal-needs-reasons"));
        decide(change, "REFUSE", "民政局仍需使用 Civil Affairs still needs it");

        assertThat(instance).isEnded().hasPassed("Event_FilingRefused").hasNotPassed("Task_TakeEffect");
        assertThat(changes.require(change.id()).status()).isEqualTo(SharingChange.Status.REFUSED);
        assertThat(resourceStatus()).isEqualTo("PUBLISHED");
        assertThat(grants.find(civilAffairs.id()).status()).isEqualTo(Grant.Status.ACTIVE);
    }

    @Test
    void theAnswerDeadlinePassesWithAHolderSilentAndTheFilingGoesToTheAuthorityAllTheSame() {
        SharingChange change = file("RETIREMENT", LocalDate.of(2026, 3, 2));
        ProcessInstance instance = instanceOf(change);
        answer("scj.yang", change, "AGREE", null);
        var deadline = timer(instance, "Timer_AnswerDeadline");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(endOf(3, 16));

        at(3, 17, 9);
        execute(deadline);

        assertThat(instance).isWaitingAt("Task_DecideFiling").hasPassed("Timer_AnswerDeadline", "Task_CloseConsultation");
        assertThat(changes.require(change.id()).answers()).extracting(SharingChange.Answer::answer)
                .containsExactly(SharingChange.AnswerKind.SILENT, SharingChange.AnswerKind.AGREE);
        decide(change, "ACCEPT", null);
        // its day has passed: the timer is due at once
        execute(timer(instance, "Timer_EffectiveDate"));
        assertThat(instance).isEnded().hasPassed("Task_TakeEffect");
        assertThat(resourceStatus()).isEqualTo("RETIRED");
    }

    @Test
    void aServiceChangeIsMadeOnceAfterAnAcceptedFilingAndRefusedWithoutOne() {
        assertThatThrownBy(() -> consultHoldersFirst.changing(code, "public-security"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("consult-holders-first"));

        SharingChange change = file("SERVICE_CHANGE", LocalDate.of(2026, 3, 2));
        ProcessInstance instance = instanceOf(change);
        answer("mzj.liu", change, "AGREE", null);
        answer("scj.yang", change, "AGREE", null);
        decide(change, "ACCEPT", null);
        execute(timer(instance, "Timer_EffectiveDate"));

        assertThat(instance).isEnded();
        assertThat(changes.require(change.id()).status()).isEqualTo(SharingChange.Status.IN_EFFECT);
        assertThat(resourceStatus()).as("a service change retires nothing").isEqualTo("PUBLISHED");
        assertThat(grants.find(civilAffairs.id()).status()).isEqualTo(Grant.Status.ACTIVE);
        consultHoldersFirst.changing(code, "public-security");
        assertThat(changes.require(change.id()).changeMadeAt()).isNotNull();
        assertThatThrownBy(() -> consultHoldersFirst.changing(code, "public-security")).as("one filing, one change")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("consult-holders-first"));
    }
}
