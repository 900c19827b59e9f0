package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the applicant's withdrawal. */
@Component
class RecordWithdrawalDelegate implements JavaDelegate {

    private final SharingRequests requests;

    RecordWithdrawalDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.recordWithdrawal(execution.getProcessInstanceId());
    }
}
