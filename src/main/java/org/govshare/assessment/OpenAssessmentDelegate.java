package org.govshare.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Binds the case the authority started, or opens the year before's when the yearly timer started the process. */
@Component
class OpenAssessmentDelegate implements JavaDelegate {

    private final Assessments assessments;

    OpenAssessmentDelegate(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = assessments.open(execution.getProcessInstanceId(), (String) execution.getVariable("caseNumber"));
        execution.setVariable("yearToAssess", number != null);
        if (number != null && execution.getProcessBusinessKey() == null) {
            // the timer's instance has no key yet: Tasklist and Cockpit show the case number, as for the authority's start
            execution.setProcessBusinessKey(number);
        }
    }
}
