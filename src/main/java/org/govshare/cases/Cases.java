package org.govshare.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.calendar.Deadline;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.identity.Official;
import org.govshare.identity.Workgroups;
import org.govshare.identity.Role;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One case lifecycle for every kind of case, used by composition: the feature's service keeps what differs (its
 * rules, its steps, its notices), this keeps what is the same. A case is numbered, stored and its process started;
 * the process's first step binds it to the instance once; every later step finds it by its process instance (locked
 * when it changes it), never from a variable a task completion could overwrite; the API completes the same tasks
 * Tasklist would; a withdrawal reaches the process as a message; and the sharing authority, with whoever the feature
 * names, may see a case.
 */
public final class Cases<T extends Case> {

    private final CaseEngine engine;
    private final CaseKind kind;
    private final CaseRows<T> rows;

    Cases(CaseEngine engine, CaseKind kind, CaseRows<T> rows) {
        this.engine = engine;
        this.kind = kind;
        this.rows = rows;
    }

    // ---- time and people: the clock, the working-day calendar and the workgroups every case step names ----

    /** Now, on the engine's clock (which tests move). */
    public Instant now() {
        return engine.today.now();
    }

    /** Today's date in the platform's zone. */
    public LocalDate today() {
        return engine.today.date();
    }

    /** The zone working days and form dates are read in. */
    public ZoneId zone() {
        return engine.today.zone();
    }

    /** A deadline counted from now. */
    public Instant due(Deadline deadline) {
        return engine.workdays.due(deadline, now());
    }

    /** The working-day calendar, for counting other than from now. */
    public WorkdayCalendar workdays() {
        return engine.workdays;
    }

    /** The workgroup of a department's role, e.g. {@code public-security.PROVIDER_REVIEWER}. */
    public String workgroup(String department, Role role) {
        return engine.workgroups.of(department, role.name());
    }

    /** The sharing authority's department and its workgroup. */
    public Workgroups workgroups() {
        return engine.workgroups;
    }

    // ---- opening ----

    /** The next case number of this kind, e.g. {@code GX-2026-000124}. */
    public String number() {
        return engine.numbers.next(kind.prefix());
    }

    /**
     * Stores a new numbered case, records that it was opened, and starts its process with the number as business
     * key (and in the number variable, for the first step to bind by).
     *
     * @param insert the store's insert; it may refuse a case the table's constraints refuse
     * @return the case as stored once the process reached its first wait
     */
    public T open(T draft, Consumer<T> insert, AuditEntry opened, Map<String, Object> variables) {
        insert.accept(draft);
        engine.auditTrail.record(opened);
        Map<String, Object> all = new HashMap<>(variables);
        all.put(kind.numberVariable(), draft.id());
        engine.runtimeService.startProcessInstanceByKey(kind.process(), draft.id(), all);
        return require(draft.id());
    }

    /**
     * Starts the process of a stored case under another business key and binds it at once, for a kind whose first
     * steps do not look the case up.
     */
    public T start(T stored, String businessKey, Map<String, Object> variables) {
        String instance = engine.runtimeService.startProcessInstanceByKey(kind.process(), businessKey, variables).getId();
        rows.bind(stored.id(), instance);
        return require(stored.id());
    }

    /**
     * The process's first step binds the case named by the business key to its instance, once: a second start, or a
     * case past its first step, is a conflict.
     *
     * @param waiting whether the case is where its first step expects it
     * @return the case, now bound
     */
    public T bind(String processInstanceId, String number, Predicate<T> waiting) {
        // bound and read in one round trip; a case not where its first step expects it is a conflict, which rolls
        // the step back, its binding with it
        return rows.bindUnbound(number, processInstanceId).filter(waiting)
                .orElseThrow(() -> new ConflictException(kind.numberVariable(), "bind-once",
                        kind.noun() + " " + number + " is not waiting for its first step"));
    }

    // ---- finding ----

    public T require(String id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException(kind.noun(), id));
    }

    /** The case, locked until the transaction ends: the steps that change it take their turns. */
    public T locked(String id) {
        return rows.lock(id).orElseThrow(() -> new NotFoundException(kind.noun(), id));
    }

    public T ofProcess(String processInstanceId) {
        return rows.ofProcess(processInstanceId)
                .orElseThrow(() -> new NotFoundException(kind.noun() + " of process instance", processInstanceId));
    }

    public T lockedOfProcess(String processInstanceId) {
        return rows.lockOfProcess(processInstanceId)
                .orElseThrow(() -> new NotFoundException(kind.noun() + " of process instance", processInstanceId));
    }

    // ---- the process's doors ----

    /**
     * Completes the case's open task of that definition, as Tasklist would: the task's listener checks the
     * completion whichever door it came through.
     *
     * @param notWaiting what follows "GX-… is STATUS and" when the case has no such task open, e.g. "does not wait for a
     *                   reply"
     * @return the case after the step
     */
    public T complete(T c, String taskKey, Map<String, Object> variables, String notWaiting) {
        engine.tasks.complete(c.processInstanceId(), taskKey, variables, c.id(),
                c.id() + " is " + c.status() + " and " + notWaiting);
        return require(c.id());
    }

    /**
     * Ends an open case wherever its process is, by the message its event subprocess waits for.
     *
     * @param mayWithdraw refuses a caller who may not withdraw it
     * @param open        whether the case is still open
     */
    public T withdraw(String id, String message, Consumer<T> mayWithdraw, Predicate<T> open) {
        T c = locked(id);
        mayWithdraw.accept(c);
        if (!open.test(c)) {
            throw new ConflictException("status", "withdraw-open-only", id + " is " + c.status() + " and cannot be withdrawn");
        }
        correlate(message, c);
        return require(id);
    }

    /** Changes what the case's forms show, e.g. a summary after the case was revised. */
    public void show(T c, String variable, Object value) {
        engine.runtimeService.setVariable(c.processInstanceId(), variable, value);
    }

    /** Tells the case's process that something it waits for happened. */
    public void correlate(String message, T c) {
        engine.runtimeService.createMessageCorrelation(message).processInstanceId(c.processInstanceId()).correlate();
    }

    // ---- who ----

    /**
     * A case as the caller may see it: the sharing authority sees every case, anyone else only a case the feature
     * says is theirs.
     */
    public T visibleTo(Official by, String id, Predicate<T> theirs, String refusal) {
        T c = require(id);
        if (!by.has(Role.AUTHORITY) && !theirs.test(c)) {
            throw new AccessDeniedException(refusal);
        }
        return c;
    }

    /** Who completes the step being checked, whoever it is. */
    public Actor actor() {
        return engine.auditTrail.currentActor();
    }

    /**
     * Who completes the step being checked: an official of that department (the engine's own steps, which have no
     * department, pass).
     */
    public Actor actorOf(String department, String refusal) {
        Actor actor = actor();
        if (actor.department() != null && !actor.department().equals(department)) {
            throw new AccessDeniedException(refusal);
        }
        return actor;
    }

    // ---- the audit trail ----

    /** An audit entry about this case, for {@link #record}. */
    public AuditEntry entry(AuditAction action, String id) {
        return AuditEntry.ok(action, kind.objectType(), id);
    }

    public void record(AuditEntry entry) {
        engine.auditTrail.record(entry);
    }

    /** Records a step of the case with nothing more to say. */
    public void record(AuditAction action, String id) {
        record(entry(action, id));
    }

    // ---- notices ----

    /** A notice about this case to an official or a workgroup. */
    public void send(String recipient, String kind, String subject, String body, String id) {
        engine.notices.send(recipient, kind, subject, body, this.kind.objectType(), id);
    }
}
