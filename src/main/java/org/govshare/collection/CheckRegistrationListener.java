package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the registration task: the collector's own catalog submission registers the resource. */
@Component
class CheckRegistrationListener implements TaskListener {

    private final Consultations consultations;

    CheckRegistrationListener(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = consultations.recordRegistration(task.getProcessInstanceId(), FormValues.text(task, "submissionId"));
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("registrationOutcome", outcome);
    }
}
