package org.govshare.request.period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the authority's refusal of an extension and tells both sides. */
@Component
class RecordExtensionRefusalDelegate implements JavaDelegate {

    private final ReplyExtensions service;

    RecordExtensionRefusalDelegate(ReplyExtensions service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.recordRefusal(execution.getProcessInstanceId());
    }
}
