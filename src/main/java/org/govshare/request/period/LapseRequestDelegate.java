package org.govshare.request.period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the request whose materials were not supplemented in time and tells both sides. */
@Component
class LapseRequestDelegate implements JavaDelegate {

    private final MissingMaterials service;

    LapseRequestDelegate(MissingMaterials service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.lapse(execution.getProcessInstanceId());
    }
}
