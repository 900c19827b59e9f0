package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Binds each answer task, when created, to its department's row by the engine's loop counter, so the completion
 * is checked against that department and not against a variable the completion itself could set.
 */
@Component
class BindAnswerTaskListener implements TaskListener {

    private final Consultations consultations;

    BindAnswerTaskListener(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        Integer loopCounter = (Integer) task.getExecution().getVariableLocal("loopCounter");
        consultations.bindAnswerTask(task.getProcessInstanceId(), loopCounter, task.getId());
    }
}
