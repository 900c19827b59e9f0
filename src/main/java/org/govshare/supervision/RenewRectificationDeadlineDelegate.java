package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The first report was rejected: a second, shorter deadline and a notice saying why. */
@Component
class RenewRectificationDeadlineDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    RenewRectificationDeadlineDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", rectifications.renewDeadline(execution.getProcessInstanceId()));
    }
}
