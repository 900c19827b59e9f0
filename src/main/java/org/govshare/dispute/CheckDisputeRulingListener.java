package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the ruling task's completion (the form is a convenience, this is the rule) and records the ruling. */
@Component
class CheckDisputeRulingListener implements TaskListener {

    private final Disputes disputes;

    CheckDisputeRulingListener(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = disputes.recordRuling(task.getProcessInstanceId(), task);
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("rulingOutcome", outcome);
    }
}
