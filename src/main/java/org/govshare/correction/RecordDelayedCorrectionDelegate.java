package org.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the delayed-correction violation when the deadline passes. */
@Component
class RecordDelayedCorrectionDelegate implements JavaDelegate {

    private final Corrections corrections;

    RecordDelayedCorrectionDelegate(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        corrections.recordDelayedCorrection(execution.getProcessInstanceId());
    }
}
