package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Not rectified: drafts the public criticism the authority approves or edits. */
@Component
class DraftCriticismDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    DraftCriticismDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("criticismText", rectifications.draftCriticism(execution.getProcessInstanceId()));
        execution.setVariable("caseSummary", rectifications.caseSummary(execution.getProcessInstanceId()));
    }
}
