package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the supervisors that an investigation ran past its deadline. */
@Component
class EscalateLateInvestigationDelegate implements JavaDelegate {

    private final Complaints complaints;

    EscalateLateInvestigationDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.escalate(execution.getProcessInstanceId());
    }
}
