package org.govshare.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.Submission;
import org.govshare.identity.Official;
import org.govshare.identity.OfficialDirectory;
import org.govshare.request.Duty;
import org.govshare.request.NewRequest;
import org.govshare.request.Scenario;
import org.govshare.request.SharingRequest;
import org.govshare.request.SharingRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shape of every process test: the real processes, delegates and services on the engine, driven with Camunda
 * BPM Assert, on the same PostgreSQL as production: a database of their own on the test server, made afresh per
 * test JVM, so neither the integration tests nor an earlier run leave anything in it. The clock is reset after
 * each test that moves it. Below, the fixtures the process tests share: officials, instances and timers, the
 * Zhengzhou clock, a catalog entry published through its review, and Civil Affairs' request for Public Security's
 * residents (a conditional resource, so it waits for the provider's review).
 */
@SpringBootTest
@ActiveProfiles("engine-test")
public abstract class ProcessTest {

    /** Deadlines end at 23:59:59 in Zhengzhou, whatever the JVM's zone. */
    protected static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The items Civil Affairs asks of Public Security's residents: an identity number and a name. */
    protected static final List<String> RESIDENT_ITEMS = List.of("公民身份号码", "姓名");

    @Autowired
    protected ProcessEngine processEngine;

    @Autowired
    private OfficialDirectory officialDirectory;

    @Autowired
    private Catalog catalogService;

    @Autowired
    private SharingRequests sharingRequests;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.jdbcUrl("process_tests"));
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClockAndAuthentication() {
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
    }

    /** A demo official (README), e.g. {@code gaj.wang}. */
    protected Official official(String login) {
        return officialDirectory.load(login).orElseThrow();
    }

    /** Today in Zhengzhou on the engine's clock. */
    protected static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(BEIJING).toLocalDate();
    }

    /** A moment of 2026 in Zhengzhou (the year of the holiday schedules the deadline tests cross). */
    protected static Instant beijing(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, BEIJING).toInstant();
    }

    /** The last second of a day of 2026 in Zhengzhou: where a deadline or a reminder falls. */
    protected static Instant endOf(int month, int day) {
        return ZonedDateTime.of(2026, month, day, 23, 59, 59, 0, BEIJING).toInstant();
    }

    /** Sets the engine's clock to the full hour of a day of 2026 in Zhengzhou. */
    protected static void at(int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(beijing(month, day, hour, 0)));
    }

    /** The running instance, or null once it has ended. */
    protected ProcessInstance instance(String processInstanceId) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
    }

    /** The timer job an instance waits on at an activity, e.g. {@code Timer_ReplyDeadline}. */
    protected Job timer(ProcessInstance instance, String activityId) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
    }

    /**
     * Has the authority publish a submitted entry (its review task completed with PUBLISH), after its head approved
     * it where the pack asks for that (Art. 13 of the national regulation).
     */
    protected void publish(Submission submission) {
        ProcessInstance instance = instance(submission.processInstanceId());
        headApproves(instance);
        complete(task(instance), withVariables("reviewDecision", "PUBLISH", "reviewComment", ""));
    }

    /** The department's head approves a submission waiting for it (Art. 13 of the national regulation); else nothing. */
    protected void headApproves(ProcessInstance submissionInstance) {
        completeIfWaiting(submissionInstance, "Task_ApproveSubmission", withVariables("headDecision", "APPROVE", "reviewComment", ""));
    }

    /** Submits an entry as the provider's official and has the authority publish it; returns its code. */
    protected String publish(String providerLogin, CatalogEntry entry) {
        publish(catalogService.submit(official(providerLogin), CatalogEntries.forPack(entry), CatalogEntries.assessmentsForPack()));
        return entry.code();
    }

    /** Civil Affairs (mzj.liu) asks for items of a resource, for identity checks in social assistance, for 90 days. */
    protected SharingRequest ask(String code, List<String> items) {
        return sharingRequests.submit(official("mzj.liu"), new NewRequest(code, items,
                "低保申请人身份核验 identity checks for social assistance", new Duty("《社会救助暂行办法》", "第十一条"),
                Scenario.ADMINISTRATIVE_APPROVAL, today(), today().plusDays(89), List.of("mzj.liu"), List.of(), null));
    }

    /**
     * Civil Affairs asks for a newly published residents resource of Public Security's, which goes to its review once
     * past the steps the pack puts before the provider ({@link #sentOn}).
     */
    protected SharingRequest askForResidents() {
        return sentOn(submitForResidents());
    }

    /** Civil Affairs' request for a newly published residents resource, as submitted, before any step the pack adds. */
    protected SharingRequest submitForResidents() {
        return ask(publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode())), RESIDENT_ITEMS);
    }

    /** The request once the head of its applicant's sharing office sent it on, where the pack asks for that (Art. 20). */
    protected SharingRequest sentOn(SharingRequest request) {
        ProcessInstance instance = instance(request.processInstanceId());
        if (instance != null) {
            completeIfWaiting(instance, "Task_ApproveRequest", withVariables("requesterApproval", "APPROVE"));
        }
        return sharingRequests.require(request.id());
    }

    /**
     * The provider's reviewer replies (the review task completed with these variables) and, where the pack asks for
     * it (Art. 20), the provider's head lets the reply take effect; the request as it then stands.
     */
    protected SharingRequest replied(SharingRequest request, Map<String, Object> reply) {
        ProcessInstance instance = instance(request.processInstanceId());
        complete(task("Task_ReviewRequest", instance), reply);
        completeIfWaiting(instance, "Task_ApproveReply", withVariables("replyApproval", "APPROVE"));
        return sharingRequests.require(request.id());
    }

    /** Completes the instance's task of a step the pack may leave off, if the instance waits there. */
    private void completeIfWaiting(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        if (processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).count() > 0) {
            complete(task(taskKey, instance), variables);
        }
    }
}
