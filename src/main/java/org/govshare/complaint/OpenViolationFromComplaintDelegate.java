package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A substantiated complaint opens a violation of the respondent's. */
@Component
class OpenViolationFromComplaintDelegate implements JavaDelegate {

    private final Complaints complaints;

    OpenViolationFromComplaintDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.recordSubstantiated(execution.getProcessInstanceId());
    }
}
