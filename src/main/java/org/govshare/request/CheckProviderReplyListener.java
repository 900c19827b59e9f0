package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the review task's completion (the form is a convenience, this is the rule) and records the reply. */
@Component
class CheckProviderReplyListener implements TaskListener {

    private final SharingRequests requests;

    CheckProviderReplyListener(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = requests.recordProviderReply(task.getProcessInstanceId(), task);
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("replyOutcome", outcome);
    }
}
