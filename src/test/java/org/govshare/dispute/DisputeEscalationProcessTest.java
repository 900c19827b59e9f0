package org.govshare.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.OfficialDirectory;
import org.govshare.identity.Role;
import org.govshare.identity.Tier;
import org.govshare.notice.Notices;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.request.Duty;
import org.govshare.request.NewRequest;
import org.govshare.request.Scenario;
import org.govshare.request.SharingRequest;
import org.govshare.request.SharingRequests;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * National Art. 28 in processes/dispute-coordination.bpmn: who coordinates (the same-level authority, the common
 * higher one across tiers, none on the platform beyond the city), a ruling taken to the people's government and its
 * decision recorded as final, the escalation period running out (clock moved), and under a pack without the step:
 * nothing of it. Run under both packs ({@code -Dgovshare.rules.pack=national-2025}); each test says which it needs.
 */
class DisputeEscalationProcessTest extends ProcessTest {

    @Autowired
    Disputes disputes;

    @Autowired
    DisputeEscalation escalation;

    @Autowired
    SharingRequests requests;

    @Autowired
    Notices notices;

    @Autowired
    PackInForce pack;

    @Autowired
    DepartmentDirectory departments;

    @Autowired
    OfficialDirectory officials;

    @Autowired
    JdbcTemplate jdbc;

    private boolean national() {
        return pack.on(OptionalStep.CROSS_LEVEL_DISPUTES);
    }

    /** A request of the applicant's official for Public Security's residents, refused by its reviewer. */
    private SharingRequest refusedTo(String applicantLogin) {
        String code = publish("gaj.wang", org.govshare.catalog.CatalogEntries.residents(
                org.govshare.catalog.CatalogEntries.nextPublicSecurityCode()));
        SharingRequest request = sentOn(requests.submit(official(applicantLogin), new NewRequest(code, RESIDENT_ITEMS,
                "低保申请人身份核验 identity checks for social assistance", new Duty("《社会救助暂行办法》", "第十一条"),
                Scenario.ADMINISTRATIVE_APPROVAL, today(), today().plusDays(89), List.of(applicantLogin), List.of(), null)));
        return replied(request, Map.of("replyDecision", "REFUSE", "refusalLaw",
                "《中华人民共和国居民身份证法》", "refusalArticle", "第十九条", "replyReasons", "the purpose does not need it"));
    }

    private Dispute file(String applicantLogin, SharingRequest request) {
        return disputes.file(official(applicantLogin), new NewDispute(request.id(), List.of(), null, false,
                "核验身份必须同时比对姓名 checking an identity needs the name too"));
    }

    /** Filed by Civil Affairs, both sides stated, ruled UPHOLD: waiting for the escalation period under national. */
    private Dispute upheld() {
        Dispute dispute = file("mzj.liu", refusedTo("mzj.liu"));
        ProcessInstance instance = instance(dispute.processInstanceId());
        complete(task("Task_ApplicantStatement", instance), withVariables("statement", "we must match the name"));
        complete(task("Task_ProviderStatement", instance), withVariables("statement", "the number suffices"));
        complete(task(instance), withVariables("rulingDecision", "UPHOLD", "rulingReasons", "Art. 19 stands"));
        return disputes.require(dispute.id());
    }

    private long audited(String action, String id) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and object_id = ?", Long.class,
                action, id);
    }

    @Test
    void underAPackWithoutTheStepTheRulingEndsTheCaseAndEscalationIsRefusedAsStepOff() {
        assumeFalse(national(), "the Zhengzhou measures know no escalation");
        Dispute dispute = upheld();

        assertThat(instance(dispute.processInstanceId())).isNull();
        assertThat(dispute.coordination()).isNull();
        assertThat(dispute.escalationDue()).isNull();
        assertThatThrownBy(() -> escalation.escalate(official("mzj.liu"), dispute.id(), "we do not accept it"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.rule()).isEqualTo("step-off");
                    assertThat(e.getMessage()).contains("zhengzhou-2015", "cross-level-disputes");
                });
    }

    @Test
    void twoMunicipalDepartmentsAreCoordinatedAtTheSameLevelAMunicipalAndADistrictOneByTheCommonHigherAuthority() {
        assumeTrue(national(), "coordination levels are national Art. 28");
        Dispute municipal = file("mzj.liu", refusedTo("mzj.liu"));
        assertThat(municipal.coordination()).isEqualTo(disputes.require(municipal.id()).coordination());
        assertThat(municipal.coordination().level()).isEqualTo(Dispute.Coordination.Level.SAME_LEVEL);
        assertThat(municipal.coordination().authority()).isEqualTo("sharing-authority");
        assertThat(municipal.coordination().authorityTier()).isEqualTo(Tier.MUNICIPAL);

        Dispute acrossTiers = file("jsq.xu", refusedTo("jsq.xu"));
        assertThat(acrossTiers.coordination().level()).isEqualTo(Dispute.Coordination.Level.COMMON_HIGHER);
        assertThat(acrossTiers.coordination().authority()).isEqualTo("sharing-authority");
        assertThat(acrossTiers.coordination().reason()).contains("jinshui-civil-affairs (DISTRICT 410105)",
                "public-security (MUNICIPAL 410100)");
        assertThat(instance(acrossTiers.processInstanceId())).isWaitingAt("Task_ApplicantStatement", "Task_ProviderStatement");
        assertThat(audited("DISPUTE_FILED", acrossTiers.id())).isEqualTo(1);
    }

    @Test
    void aDepartmentOutsideTheCityHasItsCommonHigherAuthorityOffThePlatformAndItsDisputeIsRefused() {
        assumeTrue(national(), "coordination levels are national Art. 28");
        if (departments.find("kaifeng-civil-affairs").isEmpty()) {
            departments.register(new Department("kaifeng-civil-affairs", "开封市民政局", "Kaifeng Civil Affairs Bureau",
                    Tier.MUNICIPAL, "410200", DepartmentKind.ADMINISTRATIVE, "301"));
            officials.register(new OfficialDirectory.NewOfficial("kfmz.test", "测", "试", "kfmz.test@kaifeng.gov.example",
                    "demo-password-1", "kaifeng-civil-affairs"));
            officials.grantRole("kfmz.test", Role.APPLICANT);
        }
        SharingRequest request = refusedTo("kfmz.test");

        assertThatThrownBy(() -> file("kfmz.test", request)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.rule()).isEqualTo("coordinator-off-platform");
            assertThat(e.getMessage()).contains("kaifeng-civil-affairs (410200)", "410100");
        });
    }

    @Test
    void aSideThatDoesNotAcceptTheRulingTakesItToThePeoplesGovernmentWhoseDecisionIsRecordedAsFinal() {
        assumeTrue(national(), "escalation is national Art. 28");
        Dispute ruled = upheld();
        ProcessInstance instance = instance(ruled.processInstanceId());
        assertThat(instance).hasPassed("Task_RecordRulingUpheld", "Task_OpenEscalation").isWaitingAt("Gateway_EscalationOrFinal");
        assertThat(ruled.status()).isEqualTo(Dispute.Status.UPHELD);
        assertThat(ruled.escalationDue()).isNotNull();
        assertThat(notices.of(official("gaj.wang"), 0, 50)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("DISPUTE_ESCALATION_OPEN");
            assertThat(n.objectId()).isEqualTo(ruled.id());
        });

        assertThatThrownBy(() -> escalation.escalate(official("scj.yang"), ruled.id(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> escalation.escalate(official("mzj.liu"), ruled.id(), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule())
                        .isEqualTo("grounds-required"));
        Dispute escalated = escalation.escalate(official("mzj.liu"), ruled.id(), "不服协调结果 the name is needed at the counter");

        assertThat(escalated.status()).isEqualTo(Dispute.Status.ESCALATED);
        assertThat(escalated.escalation().side()).isEqualTo(Dispute.Side.APPLICANT);
        assertThat(escalated.escalation().by()).isEqualTo("mzj.liu");
        assertThat(instance).isWaitingAt("Task_RecordGovernmentDecision").task().hasCandidateGroup("sharing-authority.authority");
        assertThat(audited("DISPUTE_ESCALATED", ruled.id())).isEqualTo(1);
        assertThatThrownBy(() -> escalation.escalate(official("gaj.wang"), ruled.id(), "we do not accept it either"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("escalation-period"));

        assertThatThrownBy(() -> escalation.recordGovernmentDecision(official("mzj.liu"), ruled.id(), "郑政〔2026〕12号",
                "x", "RULING_CONFIRMED")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> complete(task(instance), withVariables("decisionReference", " ", "decisionOutcome", "MAYBE")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.InputError::rule)
                        .containsExactly("decision-reference", "decision-text", "unknown-value"));

        Dispute decided = escalation.recordGovernmentDecision(official("authority.li"), ruled.id(), "郑政〔2026〕12号",
                "经研究，公安局应向民政局共享姓名 the name is to be shared", "RULING_VARIED");

        assertThat(instance).isEnded().hasPassed("Task_RecordGovernmentDecision", "Event_DecidedByGovernment")
                .hasNotPassed("Task_RecordRulingFinal");
        assertThat(decided.status()).isEqualTo(Dispute.Status.DECIDED);
        assertThat(decided.governmentDecision()).satisfies(d -> {
            assertThat(d.reference()).isEqualTo("郑政〔2026〕12号");
            assertThat(d.outcome()).isEqualTo(Dispute.GovernmentOutcome.RULING_VARIED);
        });
        assertThat(decided.closedAt()).isNotNull();
        assertThat(audited("DISPUTE_GOVERNMENT_DECISION_RECORDED", ruled.id())).isEqualTo(1);
        for (String login : List.of("mzj.liu", "gaj.wang")) {
            assertThat(notices.of(official(login), 0, 50)).anySatisfy(n -> {
                assertThat(n.kind()).isEqualTo("DISPUTE_DECIDED");
                assertThat(n.objectId()).isEqualTo(ruled.id());
            });
        }
        // final: it is neither disputed again nor escalated again
        assertThatThrownBy(() -> escalation.escalate(official("gaj.wang"), ruled.id(), "again"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("escalation-period"));
    }

    @Test
    void whenTheEscalationPeriodRunsOutUnusedTheRulingIsFinalAndALateEscalationIsRefused() {
        assumeTrue(national(), "escalation is national Art. 28");
        // Monday 2026-03-02 10:00, ruled the same day. Fifteen working days (the pack's dispute-escalation): 3-6 Mar,
        // 9-13, 16-20, 23 Mar: the period ends at the end of Monday 23 March.
        at(3, 2, 10);
        Dispute ruled = upheld();
        ProcessInstance instance = instance(ruled.processInstanceId());
        Job period = timer(instance, "Timer_EscalationPeriod");
        assertThat(period.getDuedate().toInstant()).isEqualTo(endOf(3, 23)).isEqualTo(ruled.escalationDue());

        at(3, 24, 9);
        assertThatThrownBy(() -> escalation.escalate(official("gaj.wang"), ruled.id(), "too late"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("escalation-period"));
        execute(period);

        assertThat(instance).isEnded().hasPassed("Task_RecordRulingFinal", "Event_RulingFinal")
                .hasNotPassed("Task_RecordGovernmentDecision");
        assertThat(disputes.require(ruled.id()).status()).isEqualTo(Dispute.Status.UPHELD);
        assertThat(audited("DISPUTE_RULING_FINAL", ruled.id())).isEqualTo(1);
        assertThat(notices.of(official("mzj.liu"), 0, 50)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("DISPUTE_RULING_FINAL");
            assertThat(n.objectId()).isEqualTo(ruled.id());
        });
    }
}
