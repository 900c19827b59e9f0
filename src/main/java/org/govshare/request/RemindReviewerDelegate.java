package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the provider's reviewers that the reply deadline is near. */
@Component
class RemindReviewerDelegate implements JavaDelegate {

    private final SharingRequests requests;

    RemindReviewerDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.remind(execution.getProcessInstanceId());
    }
}
