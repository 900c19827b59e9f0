package org.govshare.sharingchange;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Binds each holder's answer task to its row, so the answer is checked against the holder the engine asked. */
@Component("bindHolderAnswerTaskListener")
class BindAnswerTaskListener implements TaskListener {

    private final SharingChanges changes;

    BindAnswerTaskListener(SharingChanges changes) {
        this.changes = changes;
    }

    @Override
    public void notify(DelegateTask task) {
        Integer loopCounter = (Integer) task.getExecution().getVariableLocal("loopCounter");
        changes.bindAnswerTask(task.getProcessInstanceId(), loopCounter, task.getId());
    }
}
