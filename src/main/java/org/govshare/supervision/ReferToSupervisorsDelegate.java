package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Refers the criticised case to the supervisors, who consider sanctions. */
@Component
class ReferToSupervisorsDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    ReferToSupervisorsDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", rectifications.referToSupervisors(execution.getProcessInstanceId()));
    }
}
