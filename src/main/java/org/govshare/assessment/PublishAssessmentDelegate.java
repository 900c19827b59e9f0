package org.govshare.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the reviewed assessment, once. */
@Component
class PublishAssessmentDelegate implements JavaDelegate {

    private final Assessments assessments;

    PublishAssessmentDelegate(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.publish(execution.getProcessInstanceId());
    }
}
