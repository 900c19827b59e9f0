package org.govshare.suspension;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Rectified: the suspended grants serve again. */
@Component
class RestoreSharingDelegate implements JavaDelegate {

    private final Suspensions suspensions;

    RestoreSharingDelegate(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        suspensions.restore(execution.getProcessInstanceId());
    }
}
