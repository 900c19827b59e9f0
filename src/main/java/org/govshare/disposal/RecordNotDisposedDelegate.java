package org.govshare.disposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordNotDisposedDelegate implements JavaDelegate {

    private final GrantDisposals disposals;

    RecordNotDisposedDelegate(GrantDisposals disposals) {
        this.disposals = disposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disposals.recordNotDisposed(execution.getProcessInstanceId());
    }
}
