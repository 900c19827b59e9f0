package org.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the report on every path, clears its mark and tells the reporter the outcome. */
@Component
class CloseReportDelegate implements JavaDelegate {

    private final Corrections corrections;

    CloseReportDelegate(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        corrections.close(execution.getProcessInstanceId());
    }
}
