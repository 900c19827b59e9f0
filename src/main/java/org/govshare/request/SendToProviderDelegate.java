package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The request reaches the provider's reviewers: its reply period starts. */
@Component
class SendToProviderDelegate implements JavaDelegate {

    private final SharingRequests requests;

    SendToProviderDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.sendToProvider(execution.getProcessInstanceId());
    }
}
