package org.govshare.request.period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the authority did not decide on an extension in time; the reply deadline stays. */
@Component
class LapseExtensionDelegate implements JavaDelegate {

    private final ReplyExtensions service;

    LapseExtensionDelegate(ReplyExtensions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.lapse(execution.getProcessInstanceId());
    }
}
