package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Binds the case to its process, sends the rectification notice and sets the first deadline. */
@Component
class NotifyRectificationDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    NotifyRectificationDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", rectifications.notifyDepartment(execution.getProcessInstanceId(),
                execution.getProcessBusinessKey()));
    }
}
