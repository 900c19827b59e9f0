package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the respondent for its written statement. */
@Component
class AskRespondentForStatementDelegate implements JavaDelegate {

    private final Complaints complaints;

    AskRespondentForStatementDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", complaints.requestStatement(execution.getProcessInstanceId()));
    }
}
