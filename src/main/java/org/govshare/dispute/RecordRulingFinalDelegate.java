package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The escalation period ended without an escalation: the ruling is final. */
@Component
class RecordRulingFinalDelegate implements JavaDelegate {

    private final DisputeEscalation escalation;

    RecordRulingFinalDelegate(DisputeEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.recordRulingFinal(execution.getProcessInstanceId());
    }
}
