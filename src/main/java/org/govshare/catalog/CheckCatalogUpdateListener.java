package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the update task's completion: the submissions that answer the change, or an extension asked in time. */
@Component
class CheckCatalogUpdateListener implements TaskListener {

    private final CatalogChanges catalogChanges;

    CheckCatalogUpdateListener(CatalogChanges catalogChanges) {
        this.catalogChanges = catalogChanges;
    }

    @Override
    public void notify(DelegateTask task) {
        catalogChanges.recordUpdate(task.getProcessInstanceId(), FormValues.text(task, "updateOutcome"),
                FormValues.list(task, "submissionIds"), FormValues.text(task, "extensionReason"));
    }
}
