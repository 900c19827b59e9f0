package org.govshare.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * processes/suspected-violation-review.bpmn: the authority confirms a suspected violation (OPEN) or dismisses it with
 * reasons (DISMISSED); a decision that is neither, or a dismissal without reasons, leaves the task open; and the API
 * completes the same task, from the stored status.
 */
class SuspectedReviewProcessTest extends ProcessTest {

    private static final AtomicInteger GRANTS = new AtomicInteger(100);

    @Autowired
    SuspectedReviews reviews;

    @Autowired
    ViolationRegister violations;

    /** A suspected misuse by Civil Affairs of a grant of its own, and its review started. */
    private Violation suspected() {
        String grant = "SQ-2026-" + String.format("%06d", GRANTS.getAndIncrement());
        Violation violation = violations.recordFinding(new ViolationRegister.Detected("civil-affairs",
                ViolationType.MISUSE_BEYOND_SCOPE, grant, LocalDate.of(2026, 3, 10),
                "A hundred or more reads of a grant refused in a day over its rate limit are suspected bulk copying (Art. 20, 33)",
                "240 reads under grant " + grant + " went over its rate limit", "data-access", grant, List.of(grant), true))
                .violation();
        assertThat(reviews.startPending()).contains(violation.id());
        return violation;
    }

    private ProcessInstance reviewOf(Violation violation) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(violation.id())
                .processDefinitionKey(SuspectedReviews.PROCESS).singleResult();
    }

    @Test
    void theAuthorityConfirmsASuspectedViolationWhichIsThenOpen() {
        Violation violation = suspected();
        ProcessInstance review = reviewOf(violation);
        assertThat(review).isWaitingAt(SuspectedReviews.TASK);
        assertThat(task(review)).hasCandidateGroup("sharing-authority.authority");
        assertThat(reviews.startPending()).as("a review is started once").doesNotContain(violation.id());

        complete(task(review), withVariables("suspicionDecision", "CONFIRM", "reason", "the reads came from one script"));

        assertThat(review).isEnded().hasPassed("Event_ViolationConfirmed");
        Violation confirmed = violations.require(violation.id());
        assertThat(confirmed.status()).isEqualTo(Violation.Status.OPEN);
        assertThat(confirmed.decisionReason()).isEqualTo("the reads came from one script");
        assertThat(confirmed.decidedBy()).isNotBlank();
    }

    @Test
    void theAuthorityDismissesASuspicionWithReasons() {
        Violation violation = suspected();
        ProcessInstance review = reviewOf(violation);

        complete(task(review), withVariables("suspicionDecision", "DISMISS", "reason", "a load test agreed with the provider"));

        assertThat(review).isEnded().hasPassed("Event_SuspicionDismissed");
        assertThat(violations.require(violation.id()).status()).isEqualTo(Violation.Status.DISMISSED);
    }

    @Test
    void aDismissalWithoutReasonsOrADecisionThatIsNeitherLeavesTheTaskOpen() {
        Violation violation = suspected();
        ProcessInstance review = reviewOf(violation);

        assertThatThrownBy(() -> complete(task(review), withVariables("suspicionDecision", "DISMISS", "reason", " ")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("dismissal-needs-reason"));
        assertThatThrownBy(() -> complete(task(review), withVariables("suspicionDecision", "IGNORE")))
                .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("suspicionDecision"));

        assertThat(review).isWaitingAt(SuspectedReviews.TASK);
        assertThat(violations.require(violation.id()).status()).isEqualTo(Violation.Status.SUSPECTED);
    }

    @Test
    void theApiCompletesTheSameTaskOnlyForTheAuthorityAndOnlyOnce() {
        Violation violation = suspected();
        ProcessInstance review = reviewOf(violation);

        assertThatThrownBy(() -> reviews.confirm(official("mzj.liu"), violation.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        Violation confirmed = reviews.confirm(official("authority.li"), violation.id(), null);

        assertThat(confirmed.status()).isEqualTo(Violation.Status.OPEN);
        assertThat(review).isEnded().hasPassed("Event_ViolationConfirmed");
        assertThatThrownBy(() -> reviews.dismiss(official("authority.li"), violation.id(), "changed my mind"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("OPEN"));
    }
}
