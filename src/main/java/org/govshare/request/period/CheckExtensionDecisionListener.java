package org.govshare.request.period;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Guards the authority's decision on an extension (the form is a convenience, this is the rule) and records it. */
@Component
class CheckExtensionDecisionListener implements TaskListener {

    private final ReplyExtensions extensions;

    CheckExtensionDecisionListener(ReplyExtensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = extensions.recordDecision(task.getProcessInstanceId(), task);
        // written after the check, so a value sent with the task's completion cannot choose the path
        task.getExecution().setVariable("extensionOutcome", outcome);
    }
}
