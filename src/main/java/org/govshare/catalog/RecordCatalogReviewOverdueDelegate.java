package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The authority's review deadline passed: the submission is marked overdue and the fact audited. */
@Component
class RecordCatalogReviewOverdueDelegate implements JavaDelegate {

    private final Catalog catalog;

    RecordCatalogReviewOverdueDelegate(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        catalog.markOverdue(execution.getProcessInstanceId());
    }
}
