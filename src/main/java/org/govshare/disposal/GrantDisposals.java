package org.govshare.disposal;

import static org.govshare.platform.FormValues.blank;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Deadline;
import org.govshare.calendar.Today;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.grant.Grant;
import org.govshare.grant.GrantEnded;
import org.govshare.grant.Grants;
import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.identity.Workgroups;
import org.govshare.notice.Notices;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.ProcessTasks;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disposal of the data of ended grants (national Art. 27). The provider may state, while a grant runs, how its data is
 * to be disposed of; when the grant ends (expired, purpose met, revoked) its holder is asked, in the
 * {@code grant-disposal} process, to do so and attest it within the pack's {@code disposal-attestation} working days,
 * through the API or in Tasklist; no attestation by then is a NOT_DISPOSED violation (Art. 40 iv) against the holder.
 * Owns that process: each step finds the disposal by its process instance.
 */
@Service
public class GrantDisposals {

    public static final String PROCESS = "grant-disposal";
    static final String TASK = "Task_AttestDisposal";
    private static final int MAX_TEXT = 2000;

    private final DisposalStore store;
    private final Grants grants;
    private final PackInForce pack;
    private final WorkdayCalendar workdays;
    private final RuntimeService runtime;
    private final ProcessTasks tasks;
    private final ViolationRegister violations;
    private final AuditTrail auditTrail;
    private final Notices notices;
    private final Workgroups workgroups;
    private final Today today;
    private final DisposalProperties properties;

    GrantDisposals(DisposalStore store, Grants grants, PackInForce pack, WorkdayCalendar workdays, RuntimeService runtime,
                   ProcessTasks tasks, ViolationRegister violations, AuditTrail auditTrail, Notices notices,
                   Workgroups workgroups, Today today, DisposalProperties properties) {
        this.store = store;
        this.grants = grants;
        this.pack = pack;
        this.workdays = workdays;
        this.runtime = runtime;
        this.tasks = tasks;
        this.violations = violations;
        this.auditTrail = auditTrail;
        this.notices = notices;
        this.workgroups = workgroups;
        this.today = today;
        this.properties = properties;
    }

    /** The provider's PROVIDER_REVIEWER officials state how the data of a grant is to be disposed of once it ends. */
    @Transactional
    public String stateRequirements(Official by, String grantId, String requirements) {
        pack.require(OptionalStep.DISPOSAL_ATTESTATION);
        Grant grant = grants.find(grantId);
        if (!grant.providerDepartment().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("disposal requirements are stated by the provider's PROVIDER_REVIEWER officials");
        }
        if (grant.status().ended()) {
            throw new ConflictException("status", "grant-ended", "grant " + grantId + " is " + grant.status()
                    + ": its holder was asked to dispose of the data on the requirements of that day");
        }
        if (blank(requirements) || requirements.length() > MAX_TEXT) {
            throw new InvalidInputException("requirements", "required", "say how the data is to be disposed of, in at most "
                    + MAX_TEXT + " characters");
        }
        store.stateRequirements(grantId, requirements.strip(), by.login(), today.now());
        auditTrail.record(AuditEntry.ok(AuditAction.DISPOSAL_REQUIREMENTS_STATED, "grant", grantId)
                .with("requirements", requirements.strip()));
        return requirements.strip();
    }

    /**
     * A grant ended: its holder is asked to dispose of the data, in the ending's transaction. Nothing happens when the
     * pack leaves the step off, or when the grant's disposal was opened already.
     */
    @EventListener
    void ended(GrantEnded ended) {
        if (!pack.on(OptionalStep.DISPOSAL_ATTESTATION)) {
            return;
        }
        Grant grant = grants.find(ended.grantId());
        String requirements = store.requirements(grant.id()).orElse(properties.defaultRequirements());
        var due = workdays.due(Deadline.DISPOSAL_ATTESTATION, ended.at());
        if (!store.open(grant, ended.how(), ended.at(), requirements, due)) {
            return;
        }
        String instance = runtime.startProcessInstanceByKey(PROCESS, grant.id(), Map.of("grantId", grant.id(),
                "holderDepartment", grant.consumerDepartment(), "resourceName", grant.resourceName(),
                "endedHow", ended.how().name(), "requirements", requirements)).getId();
        store.bind(grant.id(), instance);
        auditTrail.record(AuditEntry.ok(AuditAction.DISPOSAL_REQUESTED, "grant", grant.id())
                .with("endedHow", ended.how().name()).with("due", due.toString()).with("processInstance", instance));
        notices.send(holderWorkgroup(grant.consumerDepartment()), "DISPOSAL_REQUESTED",
                "请处置共享数据 Dispose of the data of grant " + grant.id(), grant.resourceName() + " (" + ended.how()
                        + "): " + requirements + " — 请于 " + due + " 前确认 attest by " + due, "grant", grant.id());
    }

    /**
     * The workgroup that attests a disposal: the holder department's APPLICANT officials. Asked by the grant, the
     * process's business key, as the task is made while the process is still starting.
     */
    public String holderWorkgroupOf(String grantId) {
        return holderWorkgroup(stored(grantId).holderDepartment());
    }

    /** The end of the last working day to attest, for the task and its timer. */
    public Date dueOf(String grantId) {
        return Date.from(stored(grantId).due());
    }

    /**
     * The holder attests the disposal (method, the day it was done, a note, a proof file if it has one) through the
     * API: the task Tasklist would complete, checked by the same listener.
     */
    @Transactional
    public Disposal attest(Official by, String grantId, String method, String doneOn, String note, EvidenceFile proof) {
        Disposal disposal = seenBy(by, grantId);
        if (!disposal.holderDepartment().equals(by.department()) || !by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("a disposal is attested by the holder " + disposal.holderDepartment()
                    + "'s APPLICANT officials");
        }
        EvidenceFile.Checked checked = proof == null ? null
                : proof.checked("file", properties.maxFileSize(), properties.fileTypes());
        Map<String, Object> variables = new HashMap<>();
        variables.put("disposalMethod", method);
        variables.put("disposalDoneOn", doneOn);
        variables.put("disposalNote", note);
        tasks.complete(disposal.processInstanceId(), TASK, variables, "the disposal of " + grantId,
                "the disposal of " + grantId + " is "
                + disposal.status() + " and waits for no attestation");
        if (checked != null) {
            store.attachProof(grantId, checked, proof.content());
        }
        return store.find(grantId).orElseThrow();
    }

    /** Records an attestation from the task's completion, whichever door it came through; the rules are here. */
    public void recordAttestation(String processInstanceId, String method, LocalDate doneOn, String note) {
        Disposal disposal = store.lockOfProcess(processInstanceId)
                .filter(d -> d.status() == Disposal.Status.AWAITING_ATTESTATION)
                .orElseThrow(() -> new ConflictException("status", "not-waiting", "no disposal waits for an attestation"
                        + " in process " + processInstanceId));
        // Tasklist offers the task to the holder's workgroup; an official of another department is refused all the same
        Actor actor = auditTrail.currentActor();
        if (actor.department() != null && !actor.department().equals(disposal.holderDepartment())) {
            throw new AccessDeniedException("a disposal is attested by the holder " + disposal.holderDepartment());
        }
        if (blank(method) || method.length() > MAX_TEXT) {
            throw new InvalidInputException("method", "required", "say how the data was disposed of (at most "
                    + MAX_TEXT + " characters)");
        }
        if (doneOn == null) {
            throw new InvalidInputException("doneAt", "required", "give the day the data was disposed of (YYYY-MM-DD)");
        }
        if (doneOn.isAfter(today.date())) {
            throw new InvalidInputException("doneAt", "not-in-future", "a disposal is attested once done; " + doneOn
                    + " is still to come");
        }
        if (note != null && note.length() > MAX_TEXT) {
            throw new InvalidInputException("note", "max-length", "at most " + MAX_TEXT + " characters");
        }
        store.attest(disposal.grantId(), method.strip(), doneOn, blank(note) ? null : note.strip(), actor.id(),
                today.now());
        auditTrail.record(AuditEntry.ok(AuditAction.DISPOSAL_ATTESTED, "grant", disposal.grantId())
                .with("method", method.strip()).with("doneOn", doneOn.toString())
                .with("late", today.now().isAfter(disposal.due())));
    }

    /** The zone a day of disposal is read in (a date sent as a moment is that moment's day in Beijing). */
    public java.time.ZoneId zone() {
        return today.zone();
    }

    /** The deadline passed unattested: a NOT_DISPOSED violation against the holder (Art. 40 iv), once. */
    public void recordNotDisposed(String processInstanceId) {
        Disposal disposal = store.lockOfProcess(processInstanceId)
                .filter(d -> d.status() == Disposal.Status.AWAITING_ATTESTATION).orElse(null);
        if (disposal == null) {
            return;
        }
        Violation violation = violations.recordDetected(disposal.holderDepartment(), ViolationType.NOT_DISPOSED,
                disposal.holderDepartment() + " did not attest by " + disposal.due() + " that it disposed of the data of "
                        + disposal.grantId() + ", which ended " + disposal.endedHow() + " on " + disposal.endedAt()
                        + " (Art. 27)", "grant", disposal.grantId(), disposal.due());
        store.overdue(disposal.grantId(), violation.id());
        auditTrail.record(AuditEntry.ok(AuditAction.DISPOSAL_OVERDUE, "grant", disposal.grantId())
                .with("violation", violation.id()).with("due", disposal.due().toString()));
    }

    /** A grant's disposal, to its holder, its provider and the authority; to anyone else as if there were none. */
    public Disposal seenBy(Caller by, String grantId) {
        pack.require(OptionalStep.DISPOSAL_ATTESTATION);
        grants.hiddenUnlessParty(by, grantId);
        return store.find(grantId).orElseThrow(() -> new NotFoundException("disposal of grant", grantId));
    }

    /** The proof file of an attestation, to those who see the disposal. */
    public byte[] proof(Caller by, String grantId) {
        Disposal disposal = seenBy(by, grantId);
        if (disposal.file() == null) {
            throw new NotFoundException("proof file of the disposal of grant", grantId);
        }
        return store.proof(grantId);
    }

    private Disposal stored(String grantId) {
        return store.find(grantId).orElseThrow(() -> new IllegalStateException("grant " + grantId
                + " has no disposal, yet a grant-disposal process runs for it"));
    }

    private String holderWorkgroup(String department) {
        return workgroups.of(department, Role.APPLICANT.name());
    }
}
