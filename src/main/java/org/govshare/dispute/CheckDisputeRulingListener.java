package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.calendar.Today;
import org.springframework.stereotype.Component;

/** Guards the ruling task's completion (the form is a convenience, this is the rule) and records the ruling. */
@Component
class CheckDisputeRulingListener implements TaskListener {

    private final Disputes disputes;
    private final Today today;

    CheckDisputeRulingListener(Disputes disputes, Today today) {
        this.disputes = disputes;
        this.today = today;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = disputes.recordRuling(task.getProcessInstanceId(), RulingInput.fromTask(task, today.zone()));
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("rulingOutcome", outcome);
    }
}
