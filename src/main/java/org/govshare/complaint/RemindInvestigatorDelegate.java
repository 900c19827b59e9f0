package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the investigating authority that the finding is nearly due. */
@Component
class RemindInvestigatorDelegate implements JavaDelegate {

    private final Complaints complaints;

    RemindInvestigatorDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.remind(execution.getProcessInstanceId());
    }
}
