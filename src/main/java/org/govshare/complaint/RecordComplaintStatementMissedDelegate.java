package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The respondent's statement deadline passed: recorded, and the investigation goes on. */
@Component
class RecordComplaintStatementMissedDelegate implements JavaDelegate {

    private final Complaints complaints;

    RecordComplaintStatementMissedDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", complaints.recordStatementMissed(execution.getProcessInstanceId()));
    }
}
