package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends a request its head refused or the authority found not conforming, before the provider saw it. */
@Component
class EndUnsentDelegate implements JavaDelegate {

    private final SharingRequests requests;

    EndUnsentDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.endUnsent(execution.getProcessInstanceId());
    }
}
