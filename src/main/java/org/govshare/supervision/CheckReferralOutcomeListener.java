package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the supervisors' task and records their outcome. */
@Component
class CheckReferralOutcomeListener implements TaskListener {

    private final Rectifications rectifications;

    CheckReferralOutcomeListener(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void notify(DelegateTask task) {
        rectifications.recordReferralOutcome(task.getProcessInstanceId(), FormValues.text(task, "referralOutcome"),
                FormValues.text(task, "referralReasons"));
        task.getExecution().setVariable("caseSummary", rectifications.caseSummary(task.getProcessInstanceId()));
    }
}
