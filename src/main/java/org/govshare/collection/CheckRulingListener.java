package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        consultations.recordRuling(task.getProcessInstanceId(), (String) task.getVariable("rulingDecision"),
                (String) task.getVariable("collectingDepartment"), (String) task.getVariable("businessAuthority"),
                (String) task.getVariable("rulingReasons"));
    }
}
