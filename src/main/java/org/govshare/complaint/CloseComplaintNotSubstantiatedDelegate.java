package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes a complaint found not substantiated. */
@Component
class CloseComplaintNotSubstantiatedDelegate implements JavaDelegate {

    private final Complaints complaints;

    CloseComplaintNotSubstantiatedDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.recordNotSubstantiated(execution.getProcessInstanceId());
    }
}
