package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Binds the consultation to its process instance, sets the answer deadline and tells the departments named. */
@Component
class OpenConsultationDelegate implements JavaDelegate {

    private final Consultations consultations;

    OpenConsultationDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("consultationSummary",
                consultations.open(execution.getProcessInstanceId(), execution.getProcessBusinessKey()));
    }
}
