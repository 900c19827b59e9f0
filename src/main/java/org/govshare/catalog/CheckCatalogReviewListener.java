package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the review task's completion (the form is a convenience, this is the rule) and records the reviewer. */
@Component
class CheckCatalogReviewListener implements TaskListener {

    private final Catalog catalog;

    CheckCatalogReviewListener(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void notify(DelegateTask task) {
        catalog.recordReview(task.getProcessInstanceId(), FormValues.text(task, "reviewDecision"),
                FormValues.text(task, "reviewComment"));
    }
}
