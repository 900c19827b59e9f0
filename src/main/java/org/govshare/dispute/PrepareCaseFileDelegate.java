package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Both sides heard: the whole case, statements included, for the ruling task's form. */
@Component
class PrepareCaseFileDelegate implements JavaDelegate {

    private final Disputes disputes;

    PrepareCaseFileDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", disputes.caseFile(execution.getProcessInstanceId()));
    }
}
