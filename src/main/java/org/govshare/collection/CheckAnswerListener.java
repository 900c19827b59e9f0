package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards an answer task's completion (the form is a convenience, this is the rule) and records the answer. */
@Component
class CheckAnswerListener implements TaskListener {

    private final Consultations consultations;

    CheckAnswerListener(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        consultations.recordAnswer(task.getProcessInstanceId(), task.getId(), FormValues.text(task, "consultationAnswer"),
                FormValues.text(task, "answerReasons"));
        // the answers of parallel departments share the process scope: consumed here, so a later completion that
        // leaves a field out cannot borrow another department's value
        task.getExecution().removeVariable("consultationAnswer");
        task.getExecution().removeVariable("answerReasons");
    }
}
