package org.govshare.request.period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the reply deadline by the extension the authority approved and tells both sides. */
@Component
class ApplyExtensionDelegate implements JavaDelegate {

    private final ReplyExtensions service;

    ApplyExtensionDelegate(ReplyExtensions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.apply(execution.getProcessInstanceId());
    }
}
