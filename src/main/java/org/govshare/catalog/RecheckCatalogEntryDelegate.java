package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks a resubmitted entry against the field rules and the catalog rules again. */
@Component
class RecheckCatalogEntryDelegate implements JavaDelegate {

    private final Catalog catalog;

    RecheckCatalogEntryDelegate(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String refusal = catalog.recheck((String) execution.getVariable("submissionId"));
        execution.setVariable("refused", refusal != null);
        if (refusal != null) {
            execution.setVariable("findingsSummary", refusal);
        }
    }
}
