package org.govshare.request.period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Binds the extension to its process as the process leaves its start, before any step looks it up. */
@Component
class BindExtensionListener implements ExecutionListener {

    private final ReplyExtensions service;

    BindExtensionListener(ReplyExtensions service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        service.bind(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
