package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the request refused, with its reasons. */
@Component
class RecordRefusalDelegate implements JavaDelegate {

    private final SharingRequests requests;

    RecordRefusalDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.refuse(execution.getProcessInstanceId());
    }
}
