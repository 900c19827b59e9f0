package org.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.govshare.platform.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Guards the revise task's completion: the gateway after it reads {@code revision}, so a value it cannot route (none,
 * another word, a number) is refused here naming the field, instead of leaving the engine without a way out.
 */
@Component
class CheckRevisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String revision = FormValues.text(task, "revision");
        if (!"RESUBMIT".equals(revision) && !"WITHDRAW".equals(revision)) {
            throw new InvalidInputException("revision", "unknown-value", "resubmit (RESUBMIT) or withdraw (WITHDRAW) the entry");
        }
    }
}
