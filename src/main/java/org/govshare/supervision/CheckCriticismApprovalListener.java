package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the criticism approval and records the text to publish. */
@Component
class CheckCriticismApprovalListener implements TaskListener {

    private final Rectifications rectifications;

    CheckCriticismApprovalListener(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void notify(DelegateTask task) {
        rectifications.recordCriticismApproval(task.getProcessInstanceId(), FormValues.text(task, "criticismText"));
        task.getExecution().setVariable("caseSummary", rectifications.caseSummary(task.getProcessInstanceId()));
    }
}
