package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A side's statement deadline passed: recorded, and the case goes on without it. */
@Component
class RecordStatementMissedDelegate implements JavaDelegate {

    private final Disputes disputes;

    RecordStatementMissedDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.recordStatementMissed(execution.getProcessInstanceId(), Steps.sideOf(execution.getCurrentActivityId()));
    }
}
