package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the missed reply deadline as a violation and alerts the authority. */
@Component
class RecordDelayedReplyDelegate implements JavaDelegate {

    private final SharingRequests requests;

    RecordDelayedReplyDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.recordDelayedReply(execution.getProcessInstanceId());
    }
}
