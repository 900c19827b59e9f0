package org.govshare.disposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the attestation task's completion (the form is a convenience, this is the rule) and records it. */
@Component
class CheckDisposalAttestationListener implements TaskListener {

    private final GrantDisposals disposals;

    CheckDisposalAttestationListener(GrantDisposals disposals) {
        this.disposals = disposals;
    }

    @Override
    public void notify(DelegateTask task) {
        disposals.recordAttestation(task.getProcessInstanceId(), FormValues.text(task, "disposalMethod"),
                FormValues.date(task, "disposalDoneOn", disposals.zone()), FormValues.text(task, "disposalNote"));
    }
}
