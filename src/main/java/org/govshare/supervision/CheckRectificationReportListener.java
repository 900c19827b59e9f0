package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the report task's completion (the form is a convenience, this is the rule) and records the report. */
@Component
class CheckRectificationReportListener implements TaskListener {

    private final Rectifications rectifications;

    CheckRectificationReportListener(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void notify(DelegateTask task) {
        rectifications.recordReport(task.getProcessInstanceId(), FormValues.text(task, "rectificationMeasures"),
                FormValues.text(task, "rectificationEvidence"));
        task.getExecution().setVariable("caseSummary", rectifications.caseSummary(task.getProcessInstanceId()));
    }
}
