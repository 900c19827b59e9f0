package org.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the triage task's completion and records it. */
@Component
class CheckTriageListener implements TaskListener {

    private final Corrections corrections;

    CheckTriageListener(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = corrections.recordTriage(task.getProcessInstanceId(),
                Answer.fromTask(task, "triageDecision", "triageReasons", null));
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("triageOutcome", outcome);
    }
}
