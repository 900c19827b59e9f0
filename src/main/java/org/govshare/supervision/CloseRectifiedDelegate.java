package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The report was accepted: the violation is rectified and the case closed. */
@Component
class CloseRectifiedDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    CloseRectifiedDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rectifications.closeRectified(execution.getProcessInstanceId());
    }
}
