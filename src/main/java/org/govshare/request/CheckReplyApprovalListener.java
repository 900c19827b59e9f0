package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the provider head's approval of a reply (Art. 20) and records it; an approved reply's outcome is the path. */
@Component
class CheckReplyApprovalListener implements TaskListener {

    private final SharingRequests requests;

    CheckReplyApprovalListener(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = requests.recordReplyApproval(task.getProcessInstanceId(), task);
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("replyApprovalOutcome", outcome);
        if (!outcome.equals("RETURN")) {
            task.getExecution().setVariable("replyOutcome", outcome);
        }
    }
}
