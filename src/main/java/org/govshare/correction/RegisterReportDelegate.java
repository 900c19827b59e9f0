package org.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Binds the report to its process instance and tells the authority; the triage form shows the summary. */
@Component
class RegisterReportDelegate implements JavaDelegate {

    private final Corrections corrections;

    RegisterReportDelegate(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("reportSummary", corrections.register(execution.getProcessInstanceId(),
                execution.getProcessBusinessKey()));
    }
}
