package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the verification task's completion and records the authority's decision. */
@Component
class CheckRectificationVerificationListener implements TaskListener {

    private final Rectifications rectifications;

    CheckRectificationVerificationListener(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = rectifications.recordVerification(task.getProcessInstanceId(),
                FormValues.text(task, "verificationDecision"), FormValues.text(task, "verificationReasons"));
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("verificationOutcome", outcome);
        task.getExecution().setVariable("caseSummary", rectifications.caseSummary(task.getProcessInstanceId()));
    }
}
