package org.govshare.request;

import static org.govshare.platform.FormValues.blank;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.identity.Role;
import org.govshare.platform.FormValues;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;

/**
 * The yes-or-no steps a pack may put around the provider's review, each a user task with its form keys: the
 * applicant's head sends the request (national Art. 20), the authority checks its conformity (Jincheng 2024), the
 * provider's head lets the reply take effect (national Art. 20). A "no" always gives reasons.
 */
enum ApprovalStep {

    REQUESTER_HEAD(OptionalStep.REQUESTER_HEAD_APPROVAL, "Task_ApproveRequest", "requesterApproval", "APPROVE", "REFUSE",
            Role.DEPARTMENT_HEAD, "does not wait for its head's approval"),
    CONFORMITY(OptionalStep.AUTHORITY_CONFORMITY_CHECK, "Task_CheckConformity", "conformity", "PASS", "FAIL",
            Role.AUTHORITY, "does not wait for a conformity check"),
    PROVIDER_HEAD(OptionalStep.PROVIDER_HEAD_APPROVAL, "Task_ApproveReply", "replyApproval", "APPROVE", "RETURN",
            Role.DEPARTMENT_HEAD, "has no reply waiting for the provider's head");

    private final OptionalStep step;
    private final String taskKey;
    private final String decisionKey;
    private final String yes;
    private final String no;
    private final Role role;
    private final String notWaiting;

    ApprovalStep(OptionalStep step, String taskKey, String decisionKey, String yes, String no, Role role, String notWaiting) {
        this.step = step;
        this.taskKey = taskKey;
        this.decisionKey = decisionKey;
        this.yes = yes;
        this.no = no;
        this.role = role;
        this.notWaiting = notWaiting;
    }

    /** A decision on the step as it arrives, checked: one of the two answers, and reasons for the "no". */
    record Approval(String decision, String reasons, boolean approved) {
    }

    /** Whether the pack in force puts any of these steps around the provider's review. */
    static boolean anyOn(PackInForce pack) {
        return java.util.Arrays.stream(values()).anyMatch(s -> pack.on(s.step()));
    }

    OptionalStep step() {
        return step;
    }

    String taskKey() {
        return taskKey;
    }

    String decisionKey() {
        return decisionKey;
    }

    /** The form key of the reasons, e.g. {@code requesterApprovalReasons}. */
    String reasonsKey() {
        return decisionKey + "Reasons";
    }

    Role role() {
        return role;
    }

    String notWaiting() {
        return notWaiting;
    }

    /** Reads and checks a task's completion (the form is a convenience, this is the rule). */
    Approval read(VariableScope task) {
        // both fields read (and their types checked) before either value is judged: a wrong type is named as such
        String decision = FormValues.text(task, decisionKey);
        String reasons = FormValues.text(task, reasonsKey());
        decision = decision == null ? "" : decision.strip();
        if (!decision.equals(yes) && !decision.equals(no)) {
            throw new InvalidInputException(decisionKey, "unknown-value", "decide " + yes + " or " + no);
        }
        if (decision.equals(no) && blank(reasons)) {
            throw new InvalidInputException(reasonsKey(), "reasons-required", "say why: " + no + " needs reasons");
        }
        return new Approval(decision, blank(reasons) ? null : reasons.strip(), decision.equals(yes));
    }
}
