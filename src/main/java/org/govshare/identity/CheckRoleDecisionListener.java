package org.govshare.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the review task's completion: the form is a convenience, this is the rule. */
@Component
class CheckRoleDecisionListener implements TaskListener {

    private final RoleRequests roleRequests;

    CheckRoleDecisionListener(RoleRequests roleRequests) {
        this.roleRequests = roleRequests;
    }

    @Override
    public void notify(DelegateTask task) {
        RoleRequest decided = roleRequests.decide(task.getProcessInstanceId(), FormValues.bool(task, "approved"),
                FormValues.text(task, "decisionReason"));
        // written after the check, from the stored decision, so a value sent with the completion cannot choose the path
        task.getExecution().setVariable("roleOutcome", decided.status().name());
    }
}
