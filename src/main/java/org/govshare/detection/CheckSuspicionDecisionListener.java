package org.govshare.detection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the review task's completion and records the authority's decision: the form is a convenience, this is the rule. */
@Component
class CheckSuspicionDecisionListener implements TaskListener {

    private final SuspectedReviews reviews;

    CheckSuspicionDecisionListener(SuspectedReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = reviews.decide(task.getProcessInstanceId(), FormValues.text(task, "suspicionDecision"),
                FormValues.text(task, "reason"));
        // written after the check, so a value sent with the completion cannot choose the path
        task.getExecution().setVariable("suspicionOutcome", outcome);
    }
}
