package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the completion of the government-decision task (the form is a convenience) and records the decision. */
@Component
class CheckGovernmentDecisionListener implements TaskListener {

    private final DisputeEscalation escalation;

    CheckGovernmentDecisionListener(DisputeEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void notify(DelegateTask task) {
        escalation.recordGovernmentDecision(task.getProcessInstanceId(), task);
    }
}
