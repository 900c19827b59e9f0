package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the head approval task's completion (Art. 13 of the national regulation) and records the head's decision. */
@Component
class CheckHeadApprovalListener implements TaskListener {

    private final Catalog catalog;

    CheckHeadApprovalListener(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void notify(DelegateTask task) {
        catalog.recordHeadApproval(task.getProcessInstanceId(), FormValues.text(task, "headDecision"),
                FormValues.text(task, "reviewComment"));
    }
}
