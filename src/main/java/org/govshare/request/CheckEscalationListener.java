package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the escalation task's completion and records the authority's decision. */
@Component
class CheckEscalationListener implements TaskListener {

    private final SharingRequests requests;

    CheckEscalationListener(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = requests.recordEscalation(task.getProcessInstanceId(), task);
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("escalationOutcome", outcome);
    }
}
