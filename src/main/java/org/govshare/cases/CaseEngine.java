package org.govshare.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.govshare.audit.AuditTrail;
import org.govshare.notice.Notices;
import org.govshare.platform.ProcessTasks;
import org.springframework.stereotype.Component;

/**
 * The platform parts every case process uses (numbers, the engine, its tasks, the audit trail,
 * notices), handed to a feature's
 * service once; the service makes its own {@link Cases} of them.
 */
@Component
public class CaseEngine {

    final CaseNumbers numbers;
    final RuntimeService runtimeService;
    final ProcessTasks tasks;
    final AuditTrail auditTrail;
    final Notices notices;

    CaseEngine(CaseNumbers numbers, RuntimeService runtimeService, ProcessTasks tasks, AuditTrail auditTrail,
               Notices notices) {
        this.numbers = numbers;
        this.runtimeService = runtimeService;
        this.tasks = tasks;
        this.auditTrail = auditTrail;
        this.notices = notices;
    }

    /** The lifecycle of one kind of case, over the rows of its store. */
    public <T extends Case> Cases<T> cases(CaseKind kind, CaseRows<T> rows) {
        return new Cases<>(this, kind, rows);
    }
}
