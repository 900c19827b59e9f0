package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards a statement task's completion (its own side's department, some text) and records the statement. */
@Component
class CheckStatementListener implements TaskListener {

    private final Disputes disputes;

    CheckStatementListener(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void notify(DelegateTask task) {
        disputes.recordStatement(task.getProcessInstanceId(), Steps.sideOf(task.getTaskDefinitionKey()),
                FormValues.text(task, "statement"));
    }
}
