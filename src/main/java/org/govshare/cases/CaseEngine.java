package org.govshare.cases;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RuntimeService;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.identity.Workgroups;
import org.govshare.notice.Notices;
import org.govshare.platform.ProcessTasks;
import org.springframework.stereotype.Component;

/**
 * The platform parts every case process uses (numbers, the engine, its tasks, the audit trail, notices, the clock,
 * the working-day calendar and the workgroups), handed to a feature's service once; the service makes its own
 * {@link Cases} of them.
 */
@Component
public class CaseEngine {

    final CaseNumbers numbers;
    final RuntimeService runtimeService;
    final ProcessTasks tasks;
    final AuditTrail auditTrail;
    final Notices notices;
    final Today today;
    final WorkdayCalendar workdays;
    final Workgroups workgroups;
    /** The numbered kinds' rows by their number prefix, as each feature made its {@link Cases}. */
    private final Map<String, CaseRows<? extends Case>> numbered = new ConcurrentHashMap<>();

    CaseEngine(CaseNumbers numbers, RuntimeService runtimeService, ProcessTasks tasks, AuditTrail auditTrail,
               Notices notices, Today today, WorkdayCalendar workdays, Workgroups workgroups) {
        this.numbers = numbers;
        this.runtimeService = runtimeService;
        this.tasks = tasks;
        this.auditTrail = auditTrail;
        this.notices = notices;
        this.today = today;
        this.workdays = workdays;
        this.workgroups = workgroups;
    }

    /** The lifecycle of one kind of case, over the rows of its store. */
    public <T extends Case> Cases<T> cases(CaseKind kind, CaseRows<T> rows) {
        if (kind.prefix() != null) {
            numbered.put(kind.prefix(), rows);
        }
        return new Cases<>(this, kind, rows);
    }

    /**
     * Any numbered case by its number, whatever its kind (the prefix says which), e.g. for a complaint that cites it.
     * Empty for a number of no kind or of no case.
     */
    public Optional<Case> find(String number) {
        int dash = number.indexOf('-');
        CaseRows<? extends Case> rows = dash < 1 ? null : numbered.get(number.substring(0, dash));
        return rows == null ? Optional.empty() : rows.find(number).map(Case.class::cast);
    }
}
