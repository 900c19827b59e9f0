package org.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the provider's reviewers that the verification deadline is near. */
@Component
class RemindVerifierDelegate implements JavaDelegate {

    private final Corrections corrections;

    RemindVerifierDelegate(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        corrections.remind(execution.getProcessInstanceId());
    }
}
