package org.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the verification task's completion (a CORRECTED answer names a newer data version) and records it. */
@Component
class CheckVerificationListener implements TaskListener {

    private final Corrections corrections;

    CheckVerificationListener(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = corrections.recordVerification(task.getProcessInstanceId(),
                Answer.fromTask(task, "verificationDecision", "verificationReasons", "correctedVersion"));
        task.getExecution().setVariable("verificationOutcome", outcome);
    }
}
