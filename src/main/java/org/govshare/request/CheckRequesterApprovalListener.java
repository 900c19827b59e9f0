package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the applicant head's approval (Art. 20) and records it: the form is a convenience, this is the rule. */
@Component
class CheckRequesterApprovalListener implements TaskListener {

    private final SharingRequests requests;

    CheckRequesterApprovalListener(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = requests.recordRequesterApproval(task.getProcessInstanceId(), task);
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("requesterApprovalOutcome", outcome);
    }
}
