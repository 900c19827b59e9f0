package org.govshare.sharingchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every holder answered, or the deadline passed: the filing goes to the authority. */
@Component
class CloseConsultationDelegate implements JavaDelegate {

    private final SharingChanges changes;

    CloseConsultationDelegate(SharingChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", changes.closeConsultation(execution.getProcessInstanceId()));
    }
}
