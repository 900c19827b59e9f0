package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The applicant withdrew the dispute. */
@Component
class RecordDisputeWithdrawalDelegate implements JavaDelegate {

    private final Disputes disputes;

    RecordDisputeWithdrawalDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.recordWithdrawal(execution.getProcessInstanceId());
    }
}
