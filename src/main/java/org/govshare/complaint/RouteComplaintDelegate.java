package org.govshare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Routes a lodged complaint to its authority and starts the investigation's deadline. */
@Component
class RouteComplaintDelegate implements JavaDelegate {

    private final Complaints complaints;

    RouteComplaintDelegate(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", complaints.route(execution.getProcessInstanceId(),
                execution.getProcessBusinessKey()));
    }
}
