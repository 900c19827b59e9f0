package org.govshare.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The eligibility rules decide the request; the process routes on the decision. */
@Component
class DecideEligibilityDelegate implements JavaDelegate {

    private final SharingRequests requests;

    DecideEligibilityDelegate(SharingRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SharingRequests.Eligibility eligibility = requests.decide(execution.getProcessInstanceId(),
                execution.getProcessBusinessKey());
        execution.setVariable("eligibility", eligibility.decision());
        execution.setVariables(eligibility.shown());
    }
}
