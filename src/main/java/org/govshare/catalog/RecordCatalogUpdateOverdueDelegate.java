package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The update deadline passed: records the violation (Art. 39 i of the national regulation). */
@Component
class RecordCatalogUpdateOverdueDelegate implements JavaDelegate {

    private final CatalogChanges catalogChanges;

    RecordCatalogUpdateOverdueDelegate(CatalogChanges catalogChanges) {
        this.catalogChanges = catalogChanges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        catalogChanges.markOverdue(execution.getProcessInstanceId());
    }
}
