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
        Catalog.Recheck recheck = catalog.recheck(execution.getProcessInstanceId());
        execution.setVariable("refused", recheck.refused());
        execution.setVariable("findingsSummary", recheck.findingsSummary());
        execution.setVariable("entryName", recheck.entryName());
        execution.setVariable("entrySummary", recheck.entrySummary());
    }
}
