package org.govshare.disposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govshare.calendar.Today;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

/** Guards the attestation task's completion (the form is a convenience, this is the rule) and records it. */
@Component
class CheckDisposalAttestationListener implements TaskListener {

    private final GrantDisposals disposals;
    private final Today today;

    CheckDisposalAttestationListener(GrantDisposals disposals, Today today) {
        this.disposals = disposals;
        this.today = today;
    }

    @Override
    public void notify(DelegateTask task) {
        disposals.recordAttestation(task.getProcessInstanceId(), FormValues.text(task, "disposalMethod"),
                FormValues.date(task, "disposalDoneOn", today.zone()), FormValues.text(task, "disposalNote"));
    }
}
