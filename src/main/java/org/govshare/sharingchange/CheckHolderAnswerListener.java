package org.govshare.sharingchange;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards a holder's answer task's completion and records the answer. */
@Component
class CheckHolderAnswerListener implements TaskListener {

    private final SharingChanges changes;

    CheckHolderAnswerListener(SharingChanges changes) {
        this.changes = changes;
    }

    @Override
    public void notify(DelegateTask task) {
        changes.recordAnswer(task.getProcessInstanceId(), task.getId(), FormValues.text(task, "holderAnswer"),
                FormValues.text(task, "answerReasons"));
    }
}
