package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An upholding ruling: the answer disputed stands. */
@Component
class RecordRulingUpheldDelegate implements JavaDelegate {

    private final Disputes disputes;

    RecordRulingUpheldDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.recordUpheld(execution.getProcessInstanceId());
    }
}
