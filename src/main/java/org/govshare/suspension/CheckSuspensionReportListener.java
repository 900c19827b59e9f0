package org.govshare.suspension;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the report task's completion (the form is a convenience, this is the rule) and records the report. */
@Component
class CheckSuspensionReportListener implements TaskListener {

    private final Suspensions suspensions;

    CheckSuspensionReportListener(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariable("caseSummary", suspensions.recordReport(task.getProcessInstanceId(),
                FormValues.text(task, "rectificationReport")));
    }
}
