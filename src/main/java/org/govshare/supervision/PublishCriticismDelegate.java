package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the approved criticism to every department. */
@Component
class PublishCriticismDelegate implements JavaDelegate {

    private final Rectifications rectifications;

    PublishCriticismDelegate(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rectifications.publishCriticism(execution.getProcessInstanceId());
    }
}
