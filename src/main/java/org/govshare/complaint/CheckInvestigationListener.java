package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the investigation task's completion (the form is a convenience, this is the rule) and records the step. */
@Component
class CheckInvestigationListener implements TaskListener {

    private final Complaints complaints;

    CheckInvestigationListener(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = complaints.recordInvestigation(task.getProcessInstanceId(),
                FormValues.text(task, "investigationDecision"), FormValues.text(task, "findingReasons"));
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("investigationOutcome", outcome);
    }
}
