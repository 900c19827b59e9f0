package org.govshare.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Computes the draft the authority reviews. */
@Component
class ComputeAssessmentDraftDelegate implements JavaDelegate {

    private final Assessments assessments;

    ComputeAssessmentDraftDelegate(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("assessmentSummary", assessments.computeDraft(execution.getProcessInstanceId()));
    }
}
