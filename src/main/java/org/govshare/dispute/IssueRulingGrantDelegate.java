package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A granting ruling issues its grant. */
@Component
class IssueRulingGrantDelegate implements JavaDelegate {

    private final Disputes disputes;

    IssueRulingGrantDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.issueGrant(execution.getProcessInstanceId());
    }
}
