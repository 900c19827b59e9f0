package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the authority's decision on an extension of the catalog update (Art. 17 of the national regulation). */
@Component
class CheckUpdateExtensionListener implements TaskListener {

    private final CatalogChanges catalogChanges;

    CheckUpdateExtensionListener(CatalogChanges catalogChanges) {
        this.catalogChanges = catalogChanges;
    }

    @Override
    public void notify(DelegateTask task) {
        catalogChanges.recordExtensionDecision(task.getProcessInstanceId(), FormValues.text(task, "extensionDecision"),
                FormValues.text(task, "extensionComment"));
    }
}
