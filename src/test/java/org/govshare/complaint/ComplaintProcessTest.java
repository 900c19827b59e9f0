package org.govshare.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.OfficialDirectory;
import org.govshare.identity.Role;
import org.govshare.identity.Tier;
import org.govshare.notice.Notices;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.request.SharingRequest;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationRegister;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of processes/complaint.bpmn: substantiated with and without the respondent's statement, not
 * substantiated, the statement missed (the clock moved past its working days), the investigation's reminder and
 * escalation (the clock moved), withdrawn before the finding and refused after it; the routing to a district's own
 * authority and to the municipal one where a district has none; and the checks of lodging.
 */
class ComplaintProcessTest extends ProcessTest {

    private static final byte[] PDF = "%PDF-1.4 the refusal letter".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    org.govshare.detection.Detection detection;

    @Autowired
    org.govshare.assessment.Assessments assessments;

    @Autowired
    Complaints complaints;

    @Autowired
    ViolationRegister violations;

    @Autowired
    Notices notices;

    @Autowired
    DepartmentDirectory departments;

    @Autowired
    OfficialDirectory officials;

    /** Civil Affairs complains that Public Security refused its request without a legal basis, citing the request. */
    private Complaint lodge() {
        SharingRequest request = askForResidents();
        return complaints.lodge(official("mzj.liu"), new NewComplaint("public-security", "REFUSED_SHARING",
                today().minusDays(1), "公安局无法律依据拒绝共享 refused without a legal basis", List.of(request.id()),
                List.of()), List.of(new EvidenceFile("refusal.pdf", "application/pdf", PDF)));
    }

    private ProcessInstance instanceOf(Complaint c) {
        return instance(c.processInstanceId());
    }

    private static Map<String, Object> decide(String decision, String reasons) {
        return withVariables("investigationDecision", decision, "findingReasons", reasons);
    }

    private void askForStatement(ProcessInstance instance) {
        complete(task("Task_InvestigateComplaint", instance), decide("ASK_STATEMENT", null));
        assertThat(instance).isWaitingAt("Task_RespondentStatement");
    }

    @Test
    void aComplaintSubstantiatedAfterTheRespondentsStatementOpensAViolationFromTheComplaint() {
        Complaint c = lodge();
        ProcessInstance instance = instanceOf(c);

        assertThat(c.id()).matches("TS-\\d{4}-\\d{6}");
        assertThat(c.authorityDepartment()).isEqualTo("sharing-authority");
        assertThat(c.files()).singleElement().satisfies(f -> assertThat(f.type()).isEqualTo("application/pdf"));
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint").task()
                .hasCandidateGroup("sharing-authority.authority");
        assertThat(task("Task_InvestigateComplaint", instance).getDueDate()).isEqualTo(Date.from(c.investigationDue()));
        assertThat(notices.of(official("authority.li"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("COMPLAINT_LODGED");
            assertThat(n.objectId()).isEqualTo(c.id());
        });

        askForStatement(instance);
        assertThat(task("Task_RespondentStatement", instance)).hasCandidateGroup("public-security.provider-reviewer");
        assertThat(notices.of(official("gaj.wang"), 0, 20))
                .anySatisfy(n -> assertThat(n.kind()).isEqualTo("COMPLAINT_STATEMENT_REQUESTED"));
        assertThatThrownBy(() -> complete(task("Task_RespondentStatement", instance), withVariables("statement", " ")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("statement-required"));
        complete(task("Task_RespondentStatement", instance), withVariables("statement", "我局依法拒绝 we refused lawfully"));

        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .contains("we refused lawfully", c.citedCases().get(0));
        // a statement is asked for once
        assertThatThrownBy(() -> complete(task(instance), decide("ASK_STATEMENT", null))).rootCause()
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("statement-asked-once"));

        complete(task(instance), decide("SUBSTANTIATED", "the refusal cites no law"));

        assertThat(instance).isEnded().hasPassed("Task_OpenViolation", "Event_ComplaintSubstantiated");
        Complaint found = complaints.require(c.id());
        assertThat(found.status()).isEqualTo(Complaint.Status.SUBSTANTIATED);
        assertThat(found.statement().text()).contains("we refused lawfully");
        Violation violation = violations.require(found.violationId());
        assertThat(violation.source()).isEqualTo(Violation.Source.COMPLAINT);
        assertThat(violation.department()).isEqualTo("public-security");
        assertThat(violation.subject()).isEqualTo(c.id());
        assertThat(violation.occurredOn()).isEqualTo(c.occurredOn());
        assertThat(violation.evidence()).contains(c.id(), c.citedCases().get(0));
        assertThat(notices.of(official("mzj.liu"), 0, 20))
                .anySatisfy(n -> assertThat(n.kind()).isEqualTo("COMPLAINT_SUBSTANTIATED"));
        assertThat(notices.of(official("gaj.wang"), 0, 20))
                .anySatisfy(n -> assertThat(n.kind()).isEqualTo("COMPLAINT_SUBSTANTIATED"));
    }

    @Test
    void aComplaintSubstantiatedWithoutAStatement() {
        Complaint c = lodge();
        ProcessInstance instance = instanceOf(c);

        complete(task(instance), decide("SUBSTANTIATED", "the audit trail shows the refusal"));

        assertThat(instance).isEnded().hasPassed("Event_ComplaintSubstantiated").hasNotPassed("Task_RespondentStatement");
        Complaint found = complaints.require(c.id());
        assertThat(found.statementDue()).isNull();
        assertThat(violations.require(found.violationId()).source()).isEqualTo(Violation.Source.COMPLAINT);
    }

    @Test
    void aComplaintNotSubstantiatedIsClosedWithReasonsAndNoViolation() {
        Complaint c = lodge();
        ProcessInstance instance = instanceOf(c);

        assertThatThrownBy(() -> complete(task(instance), decide("NOT_SUBSTANTIATED", ""))).rootCause()
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("finding-needs-reasons"));
        assertThatThrownBy(() -> complete(task(instance), decide("MAYBE", "x"))).rootCause()
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("unknown-value"));
        // a value sent with the completion does not choose the path: the listener writes it after its check
        complete(task(instance), withVariables("investigationDecision", "NOT_SUBSTANTIATED", "findingReasons",
                "the refusal cited Art. 19", "investigationOutcome", "SUBSTANTIATED"));

        assertThat(instance).isEnded().hasPassed("Task_CloseNotSubstantiated", "Event_ComplaintNotSubstantiated")
                .hasNotPassed("Task_OpenViolation");
        Complaint found = complaints.require(c.id());
        assertThat(found.status()).isEqualTo(Complaint.Status.NOT_SUBSTANTIATED);
        assertThat(found.finding().reasons()).isEqualTo("the refusal cited Art. 19");
        assertThat(found.violationId()).isNull();
        assertThat(notices.of(official("gaj.wang"), 0, 20))
                .anySatisfy(n -> assertThat(n.kind()).isEqualTo("COMPLAINT_NOT_SUBSTANTIATED"));
    }

    @Test
    void aStatementMissedIsRecordedAndTheInvestigationGoesOn() {
        at(3, 2, 10);
        Complaint c = lodge();
        ProcessInstance instance = instanceOf(c);
        askForStatement(instance);
        Complaint asked = complaints.require(c.id());
        // 5 working days from Monday 2 March 2026: Monday 9 March, end of day
        assertThat(asked.statementDue()).isEqualTo(endOf(3, 9));

        ClockUtil.setCurrentTime(Date.from(endOf(3, 9).plusSeconds(1)));
        execute(timer(instance, "Timer_StatementDeadline"));

        assertThat(instance).isWaitingAt("Task_InvestigateComplaint").hasPassed("Task_RecordStatementMissed");
        Complaint missed = complaints.require(c.id());
        assertThat(missed.statementMissed()).isTrue();
        assertThat(missed.statement()).isNull();
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .contains("none by the deadline");

        complete(task(instance), decide("SUBSTANTIATED", "no answer, and the trail shows the refusal"));
        assertThat(instance).isEnded().hasPassed("Event_ComplaintSubstantiated");
    }

    @Test
    void theAuthorityIsRemindedBeforeTheInvestigationIsDueAndTheSupervisorsToldWhenItPasses() {
        at(3, 2, 10);
        Complaint c = lodge();
        ProcessInstance instance = instanceOf(c);
        // 15 working days from Monday 2 March 2026: Monday 23 March; reminded 3 working days before, Wednesday 18
        assertThat(c.investigationDue()).isEqualTo(endOf(3, 23));
        assertThat(timer(instance, "Timer_InvestigationReminder").getDuedate()).isEqualTo(Date.from(endOf(3, 18)));

        ClockUtil.setCurrentTime(Date.from(endOf(3, 18).plusSeconds(1)));
        execute(timer(instance, "Timer_InvestigationReminder"));

        assertThat(instance).isWaitingAt("Task_InvestigateComplaint").hasPassed("Task_RemindInvestigator");
        assertThat(complaints.require(c.id()).reminded()).isTrue();
        assertThat(notices.of(official("authority.li"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("COMPLAINT_REMINDER");
            assertThat(n.objectId()).isEqualTo(c.id());
        });

        ClockUtil.setCurrentTime(Date.from(endOf(3, 23).plusSeconds(1)));
        execute(timer(instance, "Timer_InvestigationDeadline"));

        assertThat(instance).isWaitingAt("Task_InvestigateComplaint").hasPassed("Task_EscalateLateInvestigation");
        assertThat(complaints.require(c.id()).escalated()).isTrue();
        assertThat(notices.of(official("supervisor.qian"), 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("COMPLAINT_ESCALATED");
            assertThat(n.objectId()).isEqualTo(c.id());
        });

        // late, the authority still finds
        complete(task(instance), decide("NOT_SUBSTANTIATED", "the refusal was lawful"));
        assertThat(instance).isEnded().hasPassed("Event_ComplaintNotSubstantiated");
    }

    @Test
    void theComplainantWithdrawsBeforeTheFindingWhereverTheCaseIs() {
        Complaint c = lodge();
        ProcessInstance instance = instanceOf(c);
        askForStatement(instance);

        assertThatThrownBy(() -> complaints.withdraw(official("gaj.wang"), c.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> complaints.withdraw(official("scj.yang"), c.id()))
                .isInstanceOf(NotFoundException.class);
        Complaint withdrawn = complaints.withdraw(official("mzj.liu"), c.id());

        assertThat(withdrawn.status()).isEqualTo(Complaint.Status.WITHDRAWN);
        assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawal", "Event_ComplaintWithdrawn")
                .hasNotPassed("Gateway_Finding");
        assertThat(notices.of(official("gaj.wang"), 0, 20))
                .anySatisfy(n -> assertThat(n.kind()).isEqualTo("COMPLAINT_WITHDRAWN"));
    }

    @Test
    void aWithdrawalAfterTheFindingIsRefused() {
        Complaint c = lodge();
        complete(task(instanceOf(c)), decide("NOT_SUBSTANTIATED", "lawful"));

        assertThatThrownBy(() -> complaints.withdraw(official("mzj.liu"), c.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("withdraw-open-only"));
        assertThat(complaints.require(c.id()).status()).isEqualTo(Complaint.Status.NOT_SUBSTANTIATED);
    }

    @Test
    void aComplaintAgainstADistrictDepartmentGoesToThatDistrictsAuthority() {
        if (departments.find("jinshui-sharing-authority").isEmpty()) {
            departments.register(new Department("jinshui-sharing-authority", "金水区政府信息资源共享主管部门",
                    "Jinshui District information sharing authority", Tier.DISTRICT, "410105",
                    DepartmentKind.SHARING_AUTHORITY, "901"));
            officials.register(new OfficialDirectory.NewOfficial("jsq.authority", "勇", "何", "jsq.authority@example",
                    "demo-password-1", "jinshui-sharing-authority"));
            officials.grantRole("jsq.authority", Role.AUTHORITY);
        }
        Complaint c = complaints.lodge(official("mzj.liu"), new NewComplaint("jinshui-civil-affairs", "DELAYED_REPLY",
                today(), "金水区民政局逾期未答复 no reply in time", List.of(), List.of()), List.of());

        assertThat(c.authorityDepartment()).isEqualTo("jinshui-sharing-authority");
        assertThat(instanceOf(c)).isWaitingAt("Task_InvestigateComplaint").task()
                .hasCandidateGroup("jinshui-sharing-authority.authority");
        // it investigates its district's complaints, and acts for the platform's authority in nothing else
        assertThatThrownBy(() -> detection.start(official("jsq.authority"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assessments.start(official("jsq.authority"), 2013)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aComplaintAgainstADistrictWithoutAnAuthorityGoesToTheMunicipalOne() {
        if (departments.find("erqi-civil-affairs").isEmpty()) {
            departments.register(new Department("erqi-civil-affairs", "二七区民政局", "Erqi District Civil Affairs Bureau",
                    Tier.DISTRICT, "410103", DepartmentKind.ADMINISTRATIVE, "202"));
        }
        Complaint c = complaints.lodge(official("mzj.liu"), new NewComplaint("erqi-civil-affairs", "DELAYED_REPLY",
                today(), "二七区民政局逾期未答复 no reply in time", List.of(), List.of()), List.of());

        assertThat(c.authorityDepartment()).isEqualTo("sharing-authority");
        assertThat(instanceOf(c)).isWaitingAt("Task_InvestigateComplaint").task()
                .hasCandidateGroup("sharing-authority.authority");
    }

    @Test
    void lodgingIsCheckedFieldByFieldAndOnlyAnAdministrativeDepartmentLodges() {
        assertThatThrownBy(() -> complaints.lodge(official("mzj.liu"), new NewComplaint("civil-affairs", "NOT_A_TYPE",
                today().plusDays(1), " ", List.of("GX-2026-999999"), List.of("no-such-event")), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(e2 -> e2.field() + " " + e2.rule())
                        .containsExactlyInAnyOrder(
                                "respondent another-department",
                                "violationType violation-type",
                                "occurredOn not-in-future",
                                "facts required-at-most-4000",
                                "cases[0] citable-case",
                                "auditEvents[0] citable-audit-event"));
        assertThatThrownBy(() -> complaints.lodge(official("mzj.liu"), new NewComplaint("public-security",
                "REFUSED_SHARING", today(), "facts", List.of(), List.of()),
                List.of(new EvidenceFile("fake.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("content-matches-type"));
        assertThatThrownBy(() -> complaints.lodge(official("authority.li"), new NewComplaint("public-security",
                "REFUSED_SHARING", today(), "facts", List.of(), List.of()), List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCaseOfAnotherDepartmentsIsNotCitable() {
        // Civil Affairs' request is Public Security's case too, and nobody else's
        SharingRequest request = askForResidents();
        assertThatThrownBy(() -> complaints.lodge(official("scj.yang"), new NewComplaint("public-security",
                "REFUSED_SHARING", today(), "facts", List.of(request.id()), List.of()), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("citable-case"));
    }

    @Test
    void aCaseWithAThirdDepartmentIsNotCitableForTheRespondentReadsWhatIsCited() {
        // Civil Affairs' request is its own and Public Security's: not Market Supervision's to read
        SharingRequest request = askForResidents();
        assertThatThrownBy(() -> complaints.lodge(official("mzj.liu"), new NewComplaint("market-supervision",
                "REFUSED_SHARING", today(), "facts", List.of(request.id()), List.of()), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(e2 -> e2.field() + " " + e2.rule()).containsExactly("cases[0] citable-case"));
    }
}
