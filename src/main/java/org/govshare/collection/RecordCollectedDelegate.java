package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resource is published: the consultation closes and the cited need is met. */
@Component
class RecordCollectedDelegate implements JavaDelegate {

    private final Consultations consultations;

    RecordCollectedDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        consultations.recordCollected(execution.getProcessInstanceId());
    }
}
