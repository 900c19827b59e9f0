package org.govshare.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        roleRequests.checkDecision((Boolean) task.getVariable("approved"), (String) task.getVariable("decisionReason"));
    }
}
