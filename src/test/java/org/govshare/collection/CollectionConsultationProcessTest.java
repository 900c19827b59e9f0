package org.govshare.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.SourceDepartment;
import org.govshare.catalog.SourceDepartments;
import org.govshare.catalog.Submission;
import org.govshare.identity.Official;
import org.govshare.need.NeedMatch;
import org.govshare.need.SharingNeeds;
import org.govshare.notice.Notices;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of processes/collection-consultation.bpmn: one acceptance, none, several, silence at the deadline
 * (moved across the 2026 Spring Festival), the hand-to-authority ruling, and a need met when the entry is published.
 */
class CollectionConsultationProcessTest extends ProcessTest {

    @Autowired
    Consultations consultations;

    @Autowired
    Catalog catalog;

    @Autowired
    SourceDepartments sourceDepartments;

    @Autowired
    SharingNeeds needs;

    @Autowired
    Notices notices;

    /** Human Resources needs its applicants' criminal records and asks Public Security and Civil Affairs who collects them. */
    private Consultation consult(String needId) {
        return consultations.start(official("rsj.zhou"), new NewConsultation(List.of("public-security", "civil-affairs"),
                "求职人员无犯罪记录信息 criminal-record status of job applicants", List.of("无犯罪记录证明编号", "公民身份号码"),
                "公务员招录政审 civil-service recruitment vetting", "《公务员录用规定》第二十二条", needId));
    }

    private ProcessInstance instanceOf(Consultation consultation) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(consultation.processInstanceId()).singleResult();
    }

    private Task answerTaskOf(ProcessInstance instance, String department) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_AnswerConsultation").taskCandidateGroup(department + ".provider-reviewer").singleResult();
    }

    /** Completes a department's answer task as one of its officials (so the answer records who gave it). */
    private void answer(ProcessInstance instance, String login, String answer, String reasons) {
        Official by = official(login);
        Task task = answerTaskOf(instance, by.department());
        Map<String, Object> variables = new HashMap<>();
        variables.put("consultationAnswer", answer);
        variables.put("answerReasons", reasons);
        processEngine.getIdentityService().setAuthentication(by.login(), by.groupIds());
        try {
            processEngine.getTaskService().complete(task.getId(), variables);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private Submission submitResidents(String login) {
        return catalog.submit(official(login), CatalogEntries.forPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode())),
                CatalogEntries.assessmentsForPack());
    }


    @Test
    void exactlyOneAcceptanceMakesTheCollectorWhoRegistersAndThePublicationMeetsTheNeed() {
        NeedMatch need = needs.record(official("rsj.zhou"), "求职人员无犯罪记录 criminal records of applicants",
                List.of("无犯罪记录证明编号-" + System.nanoTime()), "公务员招录政审", "《公务员录用规定》");
        assertThat(need.met()).isFalse();
        Consultation consultation = consult(need.need().id());
        ProcessInstance instance = instanceOf(consultation);

        assertThat(consultation.id()).matches("XS-\\d{4}-\\d{6}");
        assertThat(consultation.status()).isEqualTo(Consultation.Status.CONSULTING);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list())
                .hasSize(2).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(Date.from(consultation.answerDue())));
        assertThat(answerTaskOf(instance, "public-security")).isNotNull();
        assertThat(answerTaskOf(instance, "civil-affairs")).isNotNull();
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "consultationSummary"))
                .contains("rsj.zhou", "无犯罪记录证明编号", "《公务员录用规定》第二十二条", "public-security, civil-affairs");
        assertThat(notices.of(official("gaj.wang"), 0, 50)).extracting(n -> n.objectId()).contains(consultation.id());

        answer(instance, "gaj.wang", "OUR_DUTY", null);
        answer(instance, "mzj.chen", "NOT_OURS", "犯罪记录由公安机关出具 issued by the police");

        assertThat(instance).isWaitingAt("Task_RegisterResource").task().hasCandidateGroup("public-security.provider-reviewer");
        Consultation registering = consultations.require(consultation.id());
        assertThat(registering.status()).isEqualTo(Consultation.Status.REGISTERING);
        assertThat(registering.collectingDepartment()).isEqualTo("public-security");
        assertThat(registering.answers()).extracting(Consultation.Answer::department, Consultation.Answer::answer,
                Consultation.Answer::answeredBy).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("public-security", Consultation.AnswerKind.OUR_DUTY, "gaj.wang"),
                        org.assertj.core.groups.Tuple.tuple("civil-affairs", Consultation.AnswerKind.NOT_OURS, "mzj.chen"));

        Submission submission = submitResidents("gaj.wang");
        complete(task(instance), withVariables("submissionId", submission.id()));

        assertThat(instance).isWaitingAt("Event_EntryPublished");
        assertThat(needs.find(need.need().id()).orElseThrow().status()).isEqualTo("OPEN");

        publish(submission);

        assertThat(instance).isEnded().hasPassed("Task_RecordCollected", "Event_InformationCollected");
        Consultation collected = consultations.require(consultation.id());
        assertThat(collected.status()).isEqualTo(Consultation.Status.COLLECTED);
        assertThat(collected.resourceCode()).isEqualTo(submission.code());
        assertThat(needs.find(need.need().id()).orElseThrow()).satisfies(n -> {
            assertThat(n.status()).isEqualTo("MET");
            assertThat(n.metByResource()).isEqualTo(submission.code());
        });
        assertThat(needs.unmet(official("authority.li"), 0, 100)).extracting(m -> m.need().id()).doesNotContain(need.need().id());
    }

    @Test
    void noAcceptanceGoesToTheAuthorityWhoAssignsACollector() {
        ProcessInstance instance = instanceOf(consult(null));

        answer(instance, "gaj.wang", "NOT_OURS", "不属公安职责 not a police duty");
        answer(instance, "mzj.chen", "NOT_OURS", "不属民政职责 not a civil-affairs duty");

        assertThat(instance).isWaitingAt("Task_RuleCollector").task().hasCandidateGroup("sharing-authority.authority");
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), "answersSummary"))
                .contains("public-security: NOT_OURS (gaj.wang", "not a civil-affairs duty");
        assertThatThrownBy(() -> complete(task(instance), withVariables("rulingDecision", "ASSIGN",
                "collectingDepartment", "civil-affairs", "rulingReasons", "")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("ruling-needs-reasons"));
        assertThatThrownBy(() -> complete(task(instance), withVariables("rulingDecision", "ASSIGN",
                "collectingDepartment", "no-such-bureau", "rulingReasons", "x")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("unknown-department"));

        complete(task(instance), withVariables("rulingDecision", "ASSIGN", "collectingDepartment", "civil-affairs",
                "rulingReasons", "《社会救助暂行办法》: 民政部门负责"));

        assertThat(instance).isWaitingAt("Task_RegisterResource").task().hasCandidateGroup("civil-affairs.provider-reviewer");
        Consultation ruled = consultations.require(instance.getBusinessKey());
        assertThat(ruled.ruling().decision()).isEqualTo(Consultation.RulingDecision.ASSIGN);
        assertThat(ruled.collectingDepartment()).isEqualTo("civil-affairs");
        assertThat(ruled.businessAuthority()).isNull();
    }

    @Test
    void severalAcceptancesGoToTheAuthority() {
        ProcessInstance instance = instanceOf(consult(null));

        answer(instance, "gaj.wang", "WE_COLLECT", null);
        answer(instance, "mzj.chen", "OUR_DUTY", null);

        assertThat(instance).isWaitingAt("Task_RuleCollector");
        assertThat(consultations.require(instance.getBusinessKey()).status()).isEqualTo(Consultation.Status.RULING);
    }

    @Test
    void silenceAcrossTheSpringFestivalGoesToTheAuthorityAtTheDeadline() {
        // Thu 12 Feb 2026: 13 Feb (1), Sat 14 Feb a make-up working day (2), 15-23 Feb the Spring Festival holiday,
        // 24, 25, 26 Feb (3-5): the answers are due at the end of Thursday 26 Feb
        at(2, 12, 10);
        ProcessInstance instance = instanceOf(consult(null));
        Consultation consultation = consultations.require(instance.getBusinessKey());
        assertThat(consultation.answerDue().minusSeconds(1).atZone(BEIJING).toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 26));
        Job deadline = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Timer_AnswerDeadline").singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(consultation.answerDue()));

        answer(instance, "gaj.wang", "WE_COLLECT", null);
        at(2, 26, 18);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .executable().count()).isZero();

        at(2, 27, 9);
        execute(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .executable().singleResult());

        assertThat(instance).isWaitingAt("Task_RuleCollector").hasPassed("Timer_AnswerDeadline");
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_AnswerConsultation").count()).isZero();
        assertThat(consultations.require(instance.getBusinessKey()).answers())
                .extracting(Consultation.Answer::department, Consultation.Answer::answer).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("public-security", Consultation.AnswerKind.WE_COLLECT),
                        org.assertj.core.groups.Tuple.tuple("civil-affairs", Consultation.AnswerKind.SILENT));
    }

    @Test
    void theAuthorityMayHaveABodyCollectAndHandTheInformationToItsBusinessAuthority() {
        ProcessInstance instance = instanceOf(consult(null));
        answer(instance, "gaj.wang", "NOT_OURS", "民政部门的职责 civil affairs' duty");
        answer(instance, "mzj.chen", "NOT_OURS", "无采集手段 no means to collect");

        assertThatThrownBy(() -> complete(task(instance), withVariables("rulingDecision", "HAND_TO_AUTHORITY",
                "collectingDepartment", "public-security", "businessAuthority", "public-security", "rulingReasons", "x")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("hand-to-another"));
        complete(task(instance), withVariables("rulingDecision", "HAND_TO_AUTHORITY", "collectingDepartment", "public-security",
                "businessAuthority", "civil-affairs", "rulingReasons", "公安已在窗口采集，登记后移交民政 collected at the police counters"));

        assertThat(instance).isWaitingAt("Task_RegisterResource").task().hasCandidateGroup("public-security.provider-reviewer");
        // the entry is already published when it is named: the consultation closes at once
        Submission submission = submitResidents("gaj.wang");
        publish(submission);
        complete(task(instance), withVariables("submissionId", submission.id()));

        assertThat(instance).isEnded().hasPassed("Task_RecordCollected").hasNotPassed("Event_EntryPublished");
        Consultation collected = consultations.require(instance.getBusinessKey());
        assertThat(collected.ruling().decision()).isEqualTo(Consultation.RulingDecision.HAND_TO_AUTHORITY);
        assertThat(collected.businessAuthority()).isEqualTo("civil-affairs");
        assertThat(collected.status()).isEqualTo(Consultation.Status.COLLECTED);
        // Art. 19 of the national regulation: the collector the authority ruled is the resource's source department
        SourceDepartment source = catalog.current(submission.code()).orElseThrow().sourceDepartment();
        if (sourceDepartments.named()) {
            assertThat(source.department()).isEqualTo("public-security");
            assertThat(source.consultationId()).isEqualTo(collected.id());
        } else {
            assertThat(source).isNull();
        }
        assertThat(notices.of(official("mzj.chen"), 0, 50)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("CONSULTATION_HANDED_OVER");
            assertThat(n.body()).contains(submission.code());
        });
    }

    @Test
    void anOfficialOfAnotherDepartmentIsRefusedAtEveryStep() {
        Consultation consultation = consult(null);
        ProcessInstance instance = instanceOf(consultation);
        Official scj = official("scj.huang");

        assertThatThrownBy(() -> consultations.answer(scj, consultation.id(), "WE_COLLECT", null))
                .isInstanceOf(AccessDeniedException.class);
        // Tasklist or the engine REST API: the engine's authorizations refuse, and the listener would too
        Task policeTask = answerTaskOf(instance, "public-security");
        Official mzj = official("mzj.chen");
        processEngine.getIdentityService().setAuthentication(mzj.login(), mzj.groupIds());
        assertThatThrownBy(() -> processEngine.getTaskService().complete(policeTask.getId(),
                Map.of("consultationAnswer", "WE_COLLECT")))
                .isInstanceOfAny(org.camunda.bpm.engine.AuthorizationException.class, AccessDeniedException.class);
        processEngine.getIdentityService().clearAuthentication();
        // the right department, but "not ours" without reasons
        assertThatThrownBy(() -> answer(instance, "gaj.wang", "NOT_OURS", " "))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("not-ours-needs-reasons"));

        consultations.answer(official("gaj.wang"), consultation.id(), "WE_COLLECT", null);
        consultations.answer(mzj, consultation.id(), "WE_COLLECT", null);
        assertThat(instance).isWaitingAt("Task_RuleCollector");
        assertThatThrownBy(() -> consultations.rule(official("gaj.zhang"), consultation.id(), "ASSIGN", "public-security",
                null, "x")).isInstanceOf(AccessDeniedException.class);
        consultations.rule(official("authority.li"), consultation.id(), "ASSIGN", "public-security", null, "公安机关职责");

        Submission civil = catalog.submit(mzj, CatalogEntries.forPack(CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102"))),
                CatalogEntries.assessmentsForPack());
        assertThatThrownBy(() -> consultations.register(mzj, consultation.id(), civil.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.register(official("gaj.wang"), consultation.id(), civil.id()))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("own-submission"));
        assertThatThrownBy(() -> consultations.visibleTo(scj, consultation.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(instance).isWaitingAt("Task_RegisterResource");
    }

    @Test
    void aConsultationNamesOtherKnownDepartmentsAndTheAskersOwnOpenNeed() {
        NeedMatch others = needs.record(official("gaj.zhang"), "x", List.of("某项-" + System.nanoTime()), "p", "d");

        assertThatThrownBy(() -> consultations.start(official("rsj.zhou"), new NewConsultation(
                List.of("human-resources", "no-such-bureau"), "x", List.of(), "p", "d", others.need().id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.InputError::rule)
                        .contains("not-own-department", "unknown-department", "required", "own-need"));
        // mzj.chen keeps only PROVIDER_REVIEWER in every test (rsj.wu is granted APPLICANT by the role-request test)
        assertThatThrownBy(() -> consultations.start(official("mzj.chen"), new NewConsultation(List.of("public-security"),
                "x", List.of("y"), "p", "d", null))).isInstanceOf(AccessDeniedException.class);
    }
}
