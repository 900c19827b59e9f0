package org.govshare.sharingchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The first step: the case is bound, its answer deadline set, every holder asked. */
@Component
class ConsultHoldersDelegate implements JavaDelegate {

    private final SharingChanges changes;

    ConsultHoldersDelegate(SharingChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", changes.consultHolders(execution.getProcessInstanceId(),
                (String) execution.getVariable("caseNumber")));
    }
}
