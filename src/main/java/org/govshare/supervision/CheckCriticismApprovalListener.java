package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        rectifications.recordCriticismApproval(task.getProcessInstanceId(), text(task, "criticismText"));
        task.getExecution().setVariable("caseSummary", rectifications.caseSummary(task.getProcessInstanceId()));
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
