package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the complainant's withdrawal. */
@Component
class RecordComplaintWithdrawalDelegate implements JavaDelegate {

    private final Complaints complaints;

    RecordComplaintWithdrawalDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.recordWithdrawal(execution.getProcessInstanceId());
    }
}
