package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The ruling made under a pack with cross-level disputes: the escalation period opens (national Art. 28). */
@Component
class OpenEscalationDelegate implements JavaDelegate {

    private final DisputeEscalation escalation;

    OpenEscalationDelegate(DisputeEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.openEscalation(execution.getProcessInstanceId());
    }
}
