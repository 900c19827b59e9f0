package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the reviewed entry (or retires the resource) as a new version. */
@Component
class PublishCatalogEntryDelegate implements JavaDelegate {

    private final Catalog catalog;

    PublishCatalogEntryDelegate(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        catalog.publish(execution.getProcessInstanceId());
    }
}
