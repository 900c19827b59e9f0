package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the respondent's statement (its own department, some text) and records it. */
@Component
class CheckComplaintStatementListener implements TaskListener {

    private final Complaints complaints;

    CheckComplaintStatementListener(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        String summary = complaints.recordStatement(task.getProcessInstanceId(), FormValues.text(task, "statement"));
        task.getExecution().setVariable("caseSummary", summary);
    }
}
