package org.govshare.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govshare.audit.Actor;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.identity.Official;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationRegister;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sharing authority's review of each SUSPECTED violation (Art. 33): a user task for its workgroup in the
 * {@code suspected-violation-review} process, or the API, confirms it (OPEN: it may then be ordered rectified) or
 * dismisses it with reasons (DISMISSED). Both doors complete the same task, whose listener decides from the stored
 * violation: only a SUSPECTED one moves, only by the authority, and a dismissal says why.
 */
@Service
public class SuspectedReviews {

    public static final String PROCESS = "suspected-violation-review";
    static final String TASK = "Task_ReviewSuspectedViolation";
    static final CaseKind KIND = new CaseKind(PROCESS, null, "violationId", "review of suspected violation",
            "violation");
    static final Set<String> DECISIONS = Set.of("CONFIRM", "DISMISS");

    private final ReviewStore store;
    private final ViolationRegister register;
    private final Cases<SuspectedReview> cases;
    private final TransactionTemplate transaction;

    SuspectedReviews(ReviewStore store, ViolationRegister register, CaseEngine engine, TransactionTemplate transaction) {
        this.store = store;
        this.register = register;
        this.cases = engine.cases(KIND, store.rows());
        this.transaction = transaction;
    }

    /**
     * Starts a review for every SUSPECTED violation that has none, from stored state: a run twice, or two nodes,
     * start none twice.
     *
     * @return the violations whose review was started now
     */
    public List<String> startPending() {
        List<String> started = new ArrayList<>();
        for (String[] violation : store.unreviewed()) {
            // one transaction each: the review row and its process start together, or neither
            if (Boolean.TRUE.equals(transaction.execute(status -> start(violation[0], violation[1])))) {
                started.add(violation[0]);
            }
        }
        return started;
    }

    private boolean start(String violationId, String department) {
        Violation violation = register.require(violationId);
        if (violation.status() != Violation.Status.SUSPECTED) {
            // decided over the API since it was listed: a review would be a task nobody can complete
            return false;
        }
        SuspectedReview review = new SuspectedReview(violationId, department, null,
                SuspectedReview.Status.AWAITING_DECISION, cases.now(), null);
        if (!store.insertOnce(review)) {
            return false;
        }
        cases.start(review, violationId, Map.of("violationId", violationId, "department", department,
                "violationSummary", summary(violation)));
        return true;
    }

    /**
     * The authority's decision, from the review task whichever door completed it: checked against the stored
     * violation and recorded in the register (audited there).
     *
     * @return CONFIRM or DISMISS, for the process
     */
    @Transactional
    public String decide(String processInstanceId, String decision, String reason) {
        SuspectedReview review = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(),
                "a suspected violation is confirmed or dismissed by the sharing authority");
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new InvalidInputException("suspicionDecision", "confirm-or-dismiss",
                    "decide CONFIRM (the violation stands and may be ordered rectified) or DISMISS (with reasons)");
        }
        boolean confirmed = decision.equals("CONFIRM");
        register.decideSuspicion(review.id(), confirmed, actor.id(), reason);
        store.close(review.id(), confirmed ? SuspectedReview.Status.CONFIRMED : SuspectedReview.Status.DISMISSED,
                cases.now());
        return decision;
    }

    /** The API's door: confirms a SUSPECTED violation, completing its review task when it has one. */
    @Transactional
    public Violation confirm(Official by, String violationId, String reason) {
        return decideByApi(by, violationId, "CONFIRM", reason);
    }

    /** The API's door: dismisses a SUSPECTED violation with reasons. */
    @Transactional
    public Violation dismiss(Official by, String violationId, String reason) {
        return decideByApi(by, violationId, "DISMISS", reason);
    }

    private Violation decideByApi(Official by, String violationId, String decision, String reason) {
        if (!cases.workgroups().actsForTheAuthority(by)) {
            throw new AccessDeniedException("a suspected violation is confirmed or dismissed by the sharing authority");
        }
        Violation violation = register.require(violationId);
        if (violation.status() != Violation.Status.SUSPECTED) {
            throw new ConflictException("status", "decide-suspected-only", violationId + " is " + violation.status()
                    + "; only a SUSPECTED violation is confirmed or dismissed");
        }
        var review = store.rows().find(violationId)
                .filter(r -> r.processInstanceId() != null && r.status() == SuspectedReview.Status.AWAITING_DECISION);
        if (review.isPresent()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("suspicionDecision", decision);
            variables.put("reason", reason);
            cases.complete(review.get(), TASK, variables, "waits for no decision");
        } else {
            // found before reviews were started (or its review not started yet): decided here, as the task would
            register.decideSuspicion(violationId, decision.equals("CONFIRM"), by.login(), reason);
        }
        return register.require(violationId);
    }

    private static String summary(Violation v) {
        return v.type() + " (Art. " + v.article() + ") by " + v.department() + " on " + v.occurredOn() + ", about "
                + v.subject() + ": " + v.description() + "\nRule: " + v.rule() + "\nEvidence: "
                + String.join(", ", v.evidence());
    }
}
