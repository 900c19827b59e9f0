package org.govshare.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.request.SharingRequest;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * processes/supervision-detection.bpmn: the daily timer fires at the configured time of day in Beijing, whatever the
 * JVM's zone, and runs the rounds, the rules and the reviews as jobs; the authority starts the same run by hand; and a
 * late reply the deadline timer recorded is found again by the rules and stays one violation.
 */
class DetectionProcessTest extends ProcessTest {

    @Autowired
    FindingCheck findingCheck;

    @Autowired
    Detection detection;

    @Autowired
    DetectionSchedule schedule;

    @Autowired
    ViolationRegister violations;

    private Job dailyTimer() {
        return processEngine.getManagementService().createJobQuery().processDefinitionKey(Detection.PROCESS).timers()
                .singleResult();
    }

    private ProcessInstance runningDetection() {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Detection.PROCESS)
                .active().singleResult();
    }

    @Test
    void theTimerIsSetAtTheBeijingTimeOfDayInTheJvmsZone() {
        assertThat(schedule.cronIn(BEIJING)).isEqualTo("0 30 1 * * ?");
        assertThat(schedule.cronIn(ZoneId.of("UTC"))).as("01:30 in Beijing is 17:30 the day before in UTC")
                .isEqualTo("0 30 17 * * ?");
        assertThat(dailyTimer().getDuedate().toInstant().atZone(BEIJING).toLocalTime()).isEqualTo(LocalTime.of(1, 30));
    }

    @Test
    void whenTheClockPassesTheTimeOfDayTheDailyRunStartsAndRunsForTheWholeBeijingDayBefore() {
        Job timer = dailyTimer();
        Instant due = timer.getDuedate().toInstant();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));

        processEngine.getManagementService().executeJob(timer.getId());

        ProcessInstance run = runningDetection();
        assertThat(run).isWaitingAt("Task_RunDailyRounds");
        execute(job());
        assertThat(run).isWaitingAt("Task_DetectViolations").variables()
                .containsEntry("day", due.atZone(BEIJING).toLocalDate().minusDays(1).toString());
        execute(job());
        assertThat(run).isWaitingAt("Task_StartSuspectedReviews").variables().containsKeys("findings", "opened", "suspected");
        execute(job());
        assertThat(run).isEnded().hasPassed("Event_DailyDetectionDue", "Event_DetectionDone");
        assertThat(dailyTimer().getDuedate().toInstant()).as("the next day's timer").isEqualTo(due.plusSeconds(86_400));
    }

    @Test
    void theAuthorityStartsARunForTodayByHandAndNoOneElseMay() {
        assertThatThrownBy(() -> detection.start(official("mzj.liu"))).isInstanceOf(AccessDeniedException.class);

        String instance = detection.start(official("authority.li"));

        ProcessInstance run = instance(instance);
        assertThat(run).isWaitingAt("Task_RunDailyRounds").hasBusinessKey("detection-" + today());
        execute(job());
        execute(job());
        execute(job());
        assertThat(run).isEnded().hasPassed("Event_DetectionStartedByHand", "Task_DetectViolations", "Event_DetectionDone");
    }

    @Test
    void aLateReplyTheDeadlineTimerRecordedIsFoundAgainByTheRulesAndRecordedOnce() {
        SharingRequest request = askForResidents();
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(request.id()).singleResult();
        ClockUtil.setCurrentTime(Date.from(request.replyDue().plusSeconds(60)));
        execute(timer(instance, "Timer_ReplyDeadline"));
        LocalDate dueDay = request.replyDue().atZone(BEIJING).toLocalDate();
        List<Violation> byTimer = violations.onEvidence("sharing-request", request.id());
        assertThat(byTimer).singleElement().satisfies(v -> assertThat(v.occurredOn()).isEqualTo(dueDay));

        Detection.Summary first = detection.runFor(dueDay.plusDays(1));
        Detection.Summary again = detection.runFor(dueDay.plusDays(2));

        assertThat(first.opened()).as("recorded by the timer already").doesNotContain(byTimer.get(0).id());
        assertThat(first.known()).isPositive();
        assertThat(again.opened()).isEmpty();
        assertThat(violations.onEvidence("sharing-request", request.id())).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(byTimer.get(0).id());
            assertThat(v.type()).isEqualTo(ViolationType.DELAYED_REPLY);
            assertThat(v.subject()).isEqualTo(request.id());
            assertThat(v.status()).isEqualTo(Violation.Status.OPEN);
        });
    }

    @Test
    void aFindingARuleGotWrongIsLeftOutNamingWhyAndTheRestOfTheDayIsRecorded() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        java.util.function.BiFunction<String, String, org.govshare.rules.ViolationFinding> finding = (department, subject) ->
                new org.govshare.rules.ViolationFinding("A rule", "33", true, department, ViolationType.MISUSE_BEYOND_SCOPE,
                        subject, day, List.of(), "a sentence");
        assertThat(findingCheck.problem(finding.apply("civil-affairs", "GX-2026-000001"), day)).isEmpty();
        assertThat(findingCheck.problem(finding.apply("nope", "GX-2026-000001"), day)).get().asString()
                .contains("not an administrative department");
        assertThat(findingCheck.problem(finding.apply("sharing-authority", "GX-2026-000001"), day)).isPresent();
        assertThat(findingCheck.problem(finding.apply("civil-affairs", " "), day)).get().asString().contains("subject");
        assertThat(findingCheck.problem(finding.apply("civil-affairs", "x".repeat(129)), day)).isPresent();
        assertThat(findingCheck.problem(finding.apply("civil-affairs", "GX-2026-000001"), day.minusDays(1))).get()
                .asString().contains("not after 2026-03-09");
    }
}
