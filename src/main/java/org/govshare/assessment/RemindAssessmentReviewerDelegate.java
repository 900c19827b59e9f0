package org.govshare.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review waits past its deadline: reminds the authority. */
@Component
class RemindAssessmentReviewerDelegate implements JavaDelegate {

    private final Assessments assessments;

    RemindAssessmentReviewerDelegate(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.remindReviewer(execution.getProcessInstanceId());
    }
}
