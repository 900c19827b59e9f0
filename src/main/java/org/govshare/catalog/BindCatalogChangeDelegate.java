package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Binds a recorded change of law or duties to its catalog-update process. */
@Component
class BindCatalogChangeDelegate implements JavaDelegate {

    private final CatalogChanges catalogChanges;

    BindCatalogChangeDelegate(CatalogChanges catalogChanges) {
        this.catalogChanges = catalogChanges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        catalogChanges.bind(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
