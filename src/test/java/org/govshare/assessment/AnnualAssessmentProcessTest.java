package org.govshare.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of processes/annual-assessment.bpmn: the yearly timer on 15 January (Beijing) for the year before; a
 * timer finding its year taken; the authority's start of a past year and the starts refused; the review refused until
 * every department has an opinion, notes on unknown indicators refused; the reminder past the review's deadline; the
 * publication, stored once with its hash audited. Each test assesses a year of its own, long past.
 */
class AnnualAssessmentProcessTest extends ProcessTest {

    @Autowired
    Assessments assessments;

    @Autowired
    PublishedAssessments published;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AssessmentStore store;

    private ProcessInstance instanceOf(Assessment assessment) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(assessment.id())
                .singleResult();
    }

    /** The process definition's timer start job: the next yearly start. */
    private Job yearlyTimer() {
        return processEngine.getManagementService().createJobQuery().processDefinitionKey(Assessments.PROCESS).timers()
                .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    }

    private void reviewEveryDepartment(int year) {
        for (AssessmentReport.DepartmentResult d : assessments.draft(official("authority.li"), year).departments()) {
            assessments.review(official("authority.li"), year, d.department(), "按时答复，继续保持 on time, keep it up",
                    List.of("提高数据更新频率 update the data more often"), Map.of());
        }
    }

    /** The refusal a task listener threw, which the engine wraps. */
    private static InvalidInputException refusal(Runnable completion) {
        try {
            completion.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException refused) {
                    return refused;
                }
            }
            throw e;
        }
        throw new AssertionError("the completion was not refused");
    }

    private long audited(String action, String objectId) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and object_id = ?", Long.class,
                action, objectId);
    }

    @Test
    void theYearlyTimerStartsOn15JanuaryInBeijingAndAssessesTheYearBefore() {
        Job timer = yearlyTimer();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(BEIJING);
        assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.of(due.getYear(), 1, 15, 1, 0));

        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);

        Assessment started = store.ofYear(due.getYear() - 1).orElseThrow();
        ProcessInstance instance = instanceOf(started);
        assertThat(instance).isNotNull();
        assertThat(instance).isWaitingAt("Task_ReviewAssessment");
        assertThat(task(instance)).hasCandidateGroup("sharing-authority.authority");
        assertThat(audited("ASSESSMENT_STARTED", started.id())).isEqualTo(1);
        assertThat(audited("ASSESSMENT_COMPUTED", started.id())).isEqualTo(1);
        // the next start is a year later
        assertThat(yearlyTimer().getDuedate().toInstant().atZone(BEIJING).getYear()).isEqualTo(due.getYear() + 1);
    }

    @Test
    void aYearlyStartFindingItsYearTakenEndsThere() {
        assessments.start(official("authority.li"), 2009);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2010, 1, 15, 1, 0, 0, 0, BEIJING).toInstant()));
        // the yearly start, as the timer makes it: no case number
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(Assessments.PROCESS);

        assertThat(instance).isEnded().hasPassed("Event_YearAssessedAlready");
        assertThat(audited("ASSESSMENT_SKIPPED", "2009")).isEqualTo(1);
    }

    @Test
    void theAuthorityStartsAPastYearAndReviewsItDepartmentByDepartmentBeforeItIsPublished() {
        Assessment assessment = assessments.start(official("authority.li"), 2011);
        ProcessInstance instance = instanceOf(assessment);
        assertThat(assessment.id()).matches("KH-\\d{4}-\\d{6}");
        assertThat(instance).isWaitingAt("Task_ReviewAssessment").hasBusinessKey(assessment.id());
        assertThat(task(instance).getDueDate()).isEqualTo(timer(instance, "Timer_ReviewDeadline").getDuedate());

        AssessmentReport draft = assessments.draft(official("supervisor.qian"), 2011);
        assertThat(draft.departments()).isNotEmpty().allSatisfy(d -> assertThat(d.opinion()).isNull());
        assertThatThrownBy(() -> assessments.draft(official("gaj.wang"), 2011)).isInstanceOf(AccessDeniedException.class);

        // no opinion yet: the completion is refused and the task stays
        assertThat(refusal(() -> complete(task(instance), withVariables("reviewConfirmed", true))).errors().get(0).rule())
                .isEqualTo("opinion-for-every-department");
        assertThat(instance).isWaitingAt("Task_ReviewAssessment");

        String first = draft.departments().get(0).department();
        assertThatThrownBy(() -> assessments.review(official("authority.li"), 2011, first, "好 good", List.of(),
                Map.of("score-of-my-choosing", "100"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("notes.score-of-my-choosing"));
        assertThatThrownBy(() -> assessments.review(official("gaj.wang"), 2011, first, "好 good", List.of(), Map.of()))
                .isInstanceOf(AccessDeniedException.class);
        reviewEveryDepartment(2011);
        assessments.review(official("authority.li"), 2011, first, "答复及时 replies on time", List.of("公开更新计划 publish the update plan"),
                Map.of("requests-answered-on-time", "含节假日 counted across the holidays"));

        // confirmed is required, whatever is stored
        assertThat(refusal(() -> complete(task(instance), withVariables("reviewConfirmed", false))).errors().get(0).rule())
                .isEqualTo("review-confirmed");
        complete(task(instance), withVariables("reviewConfirmed", true));

        assertThat(instance).isEnded().hasPassed("Task_PublishAssessment", "Event_AssessmentPublished");
        PublishedAssessments.Published stored = published.find(2011).orElseThrow();
        AssessmentReport.DepartmentResult firstResult = stored.report().departments().stream()
                .filter(d -> d.department().equals(first)).findFirst().orElseThrow();
        assertThat(firstResult.opinion()).isEqualTo("答复及时 replies on time");
        assertThat(firstResult.improvements()).containsExactly("公开更新计划 publish the update plan");
        assertThat(firstResult.figures().get("requests-answered-on-time").note()).isEqualTo("含节假日 counted across the holidays");
        assertThat(firstResult.figures().get("requests-answered-on-time").value())
                .isEqualTo(draft.departments().get(0).figures().get("requests-answered-on-time").value());
        assertThat(stored.report().departments()).allSatisfy(d -> assertThat(d.opinion()).isNotBlank());
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'ASSESSMENT_PUBLISHED' and object_id = '2011'",
                String.class)).contains(stored.sha256());
        // a published year cannot be reviewed or started again
        assertThatThrownBy(() -> assessments.review(official("authority.li"), 2011, first, "x", List.of(), Map.of()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> assessments.start(official("authority.li"), 2011))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("assessment-published-once"));
    }

    @Test
    void startsAreRefusedForTheCurrentYearTheFutureAYearBeforeTheRulesAYearUnderWayAndAnyoneButTheAuthority() {
        int thisYear = today().getYear();
        assertThatThrownBy(() -> assessments.start(official("authority.li"), thisYear))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("past-years-only"));
        assertThatThrownBy(() -> assessments.start(official("authority.li"), thisYear + 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("past-years-only"));
        assertThatThrownBy(() -> assessments.start(official("authority.li"), 1999))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("year-in-force"));
        assertThatThrownBy(() -> assessments.start(official("authority.li"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("required"));
        assertThatThrownBy(() -> assessments.start(official("gaj.wang"), 2012)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assessments.start(official("supervisor.qian"), 2012)).isInstanceOf(AccessDeniedException.class);

        assessments.start(official("authority.li"), 2012);
        assertThatThrownBy(() -> assessments.start(official("authority.li"), 2012))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("one-assessment-per-year"));
    }

    @Test
    void aReviewWaitingPastItsDeadlineRemindsTheAuthorityOnceAndStaysOpen() {
        Assessment assessment = assessments.start(official("authority.li"), 2013);
        ProcessInstance instance = instanceOf(assessment);
        Job deadline = timer(instance, "Timer_ReviewDeadline");
        Instant due = deadline.getDuedate().toInstant();
        assertThat(due.atZone(BEIJING).toLocalTime()).isEqualTo(java.time.LocalTime.of(23, 59, 59));

        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
        execute(deadline);

        assertThat(instance).isWaitingAt("Task_ReviewAssessment").hasPassed("Task_RemindReviewer", "Event_ReviewerReminded");
        assertThat(timer(instance, "Timer_ReviewDeadline")).isNull();
        assertThat(audited("ASSESSMENT_REVIEW_REMINDED", assessment.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notice where kind = 'ASSESSMENT_REVIEW_OVERDUE' and object_id = ?",
                Long.class, assessment.id())).isEqualTo(1);
    }
}
