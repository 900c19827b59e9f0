package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the authority's conformity check and records it. */
@Component
class CheckConformityListener implements TaskListener {

    private final SharingRequests requests;

    CheckConformityListener(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = requests.recordConformity(task.getProcessInstanceId(), task);
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("conformityOutcome", outcome);
    }
}
