package org.govshare.suspension;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Not rectified, or no report by the deadline: the suspended grants are terminated. */
@Component
class TerminateSharingDelegate implements JavaDelegate {

    private final Suspensions suspensions;

    TerminateSharingDelegate(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        suspensions.terminate(execution.getProcessInstanceId());
    }
}
