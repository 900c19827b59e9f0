package org.govshare.request.period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the reply deadline from the supplement and tells the provider the review goes on. */
@Component
class ResumeReviewDelegate implements JavaDelegate {

    private final MissingMaterials service;

    ResumeReviewDelegate(MissingMaterials service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.resume(execution.getProcessInstanceId());
    }
}
