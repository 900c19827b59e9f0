package org.govshare.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/**
 * Guards the review task's completion: it ends only when every department has the authority's opinion, as stored
 * through the review API; nothing sent with the completion changes a figure or an opinion.
 */
@Component
class CheckAssessmentReviewListener implements TaskListener {

    private final Assessments assessments;

    CheckAssessmentReviewListener(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateTask task) {
        assessments.completeReview(task.getProcessInstanceId(), FormValues.bool(task, "reviewConfirmed"));
    }
}
