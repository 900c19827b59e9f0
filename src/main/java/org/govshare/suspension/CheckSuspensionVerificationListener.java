package org.govshare.suspension;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the verification task's completion and records the suspender's decision. */
@Component
class CheckSuspensionVerificationListener implements TaskListener {

    private final Suspensions suspensions;

    CheckSuspensionVerificationListener(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = suspensions.recordVerification(task.getProcessInstanceId(),
                FormValues.text(task, "verificationDecision"), FormValues.text(task, "verificationReasons"));
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("suspensionOutcome", outcome);
    }
}
