package org.govshare.sharingchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An accepted filing's day has come: the resource is retired, or the service may change. */
@Component
class TakeEffectDelegate implements JavaDelegate {

    private final SharingChanges changes;

    TakeEffectDelegate(SharingChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        changes.takeEffect(execution.getProcessInstanceId());
    }
}
