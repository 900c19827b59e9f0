package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the authority's ruling (who collects, to whom it is handed, why) and records it. */
@Component
class CheckRulingListener implements TaskListener {

    private final Consultations consultations;

    CheckRulingListener(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        consultations.recordRuling(task.getProcessInstanceId(), FormValues.text(task, "rulingDecision"),
                FormValues.text(task, "collectingDepartment"), FormValues.text(task, "businessAuthority"),
                FormValues.text(task, "rulingReasons"));
    }
}
