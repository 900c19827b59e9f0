package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Returns the entry to its department with the reviewer's reasons. */
@Component
class ReturnCatalogEntryDelegate implements JavaDelegate {

    private final Catalog catalog;

    ReturnCatalogEntryDelegate(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        catalog.markReturned(execution.getProcessInstanceId());
    }
}
