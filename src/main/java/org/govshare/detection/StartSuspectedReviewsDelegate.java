package org.govshare.detection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the authority's review of every SUSPECTED violation that has none yet. */
@Component
class StartSuspectedReviewsDelegate implements JavaDelegate {

    private final SuspectedReviews reviews;

    StartSuspectedReviewsDelegate(SuspectedReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("reviewsStarted", reviews.startPending().size());
    }
}
