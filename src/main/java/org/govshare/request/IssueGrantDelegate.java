package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the grant the decision allows. */
@Component
class IssueGrantDelegate implements JavaDelegate {

    private final SharingRequests requests;

    IssueGrantDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.issueGrant(execution.getProcessInstanceId());
    }
}
