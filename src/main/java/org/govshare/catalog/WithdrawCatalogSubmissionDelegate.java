package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The department withdrew its submission. */
@Component
class WithdrawCatalogSubmissionDelegate implements JavaDelegate {

    private final Catalog catalog;

    WithdrawCatalogSubmissionDelegate(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        catalog.markWithdrawn(execution.getProcessInstanceId());
    }
}
