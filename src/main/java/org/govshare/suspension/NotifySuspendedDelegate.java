package org.govshare.suspension;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The first step: the case is bound, its rectification deadline set, the department told. */
@Component
class NotifySuspendedDelegate implements JavaDelegate {

    private final Suspensions suspensions;

    NotifySuspendedDelegate(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", suspensions.notifySuspended(execution.getProcessInstanceId(),
                (String) execution.getVariable("caseNumber")));
    }
}
