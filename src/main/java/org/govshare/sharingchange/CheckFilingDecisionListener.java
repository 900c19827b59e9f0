package org.govshare.sharingchange;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the authority's decision task's completion and records the decision. */
@Component
class CheckFilingDecisionListener implements TaskListener {

    private final SharingChanges changes;

    CheckFilingDecisionListener(SharingChanges changes) {
        this.changes = changes;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = changes.recordDecision(task.getProcessInstanceId(), FormValues.text(task, "filingDecision"),
                FormValues.text(task, "decisionReasons"));
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("filingOutcome", outcome);
    }
}
