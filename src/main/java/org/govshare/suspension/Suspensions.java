package org.govshare.suspension;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspension and termination of sharing rights (national regulation Art. 27), a step the rule pack turns on
 * ({@code sharing-suspension}). The sharing authority suspends any department's grants, a provider only grants on its
 * own resources; while a suspension stands, data access under its grants is refused ({@link #suspending}). The
 * suspended department's APPLICANT officials report their rectification by the deadline; the suspender verifies it:
 * rectified restores the grants, not rectified (or no report in time) terminates them.
 */
@Service
public class Suspensions {

    public static final String PROCESS = "sharing-suspension";
    static final CaseKind KIND = new CaseKind(PROCESS, "ZT", "caseNumber", "suspension", "sharing-suspension");
    static final Set<String> DECISIONS = Set.of("RECTIFIED", "NOT_RECTIFIED");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SuspensionStore store;
    private final Grants grants;
    private final DepartmentDirectory departments;
    private final PackInForce pack;
    private final Cases<Suspension> cases;

    Suspensions(SuspensionStore store, Grants grants, DepartmentDirectory departments, PackInForce pack, CaseEngine engine) {
        this.store = store;
        this.grants = grants;
        this.departments = departments;
        this.pack = pack;
        this.cases = engine.cases(KIND, store.rows());
    }

    /**
     * Suspends a department's sharing rights: the grant named, or every live grant it holds (of the caller's
     * resources, when a provider suspends). Grants already suspended are left to the suspension that holds them.
     */
    @Transactional
    public Suspension suspend(Official by, String department, String grantId, String reasons) {
        pack.require(OptionalStep.SHARING_SUSPENSION);
        boolean authority = by.has(Role.AUTHORITY);
        if (!authority && !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("sharing rights are suspended by the sharing authority, or by a provider's"
                    + " PROVIDER_REVIEWER officials for grants on its own resources (Art. 27)");
        }
        if (blank(reasons)) {
            throw new InvalidInputException("reasons", "required", "say what misuse the suspension answers (Art. 27)");
        }
        if (blank(department) || departments.find(department.strip()).isEmpty()) {
            throw new InvalidInputException("department", "unknown-department", "name the suspended department by its code");
        }
        String holder = department.strip();
        store.lockDepartment(holder);
        List<Grant> suspended = blank(grantId) ? all(by, authority, holder) : List.of(one(by, authority, holder, grantId.strip()));
        Suspension draft = new Suspension(cases.number(), holder, by.department(), authority,
                blank(grantId) ? Suspension.Scope.ALL : Suspension.Scope.GRANT, reasons.strip(),
                Suspension.Status.AWAITING_REPORT, by.login(), cases.now(), null, null, null, null, null, null, null,
                suspended.stream().map(g -> new Suspension.Held(g.id(), g.providerDepartment())).toList(), null);
        return cases.open(draft, store::insert, cases.entry(AuditAction.SHARING_SUSPENDED, draft.id()).because(draft.reasons())
                        .with("department", holder).with("scope", draft.scope()).with("byAuthority", authority)
                        .with("grants", suspended.stream().map(Grant::id).toList()),
                Map.of("department", holder, "reasons", draft.reasons()));
    }

    private Grant one(Official by, boolean authority, String holder, String grantId) {
        Grant grant = grants.find(grantId);
        if (!authority && !grant.providerDepartment().equals(by.department())) {
            throw new AccessDeniedException("a provider suspends only grants on its own resources (Art. 27)");
        }
        if (!grant.consumerDepartment().equals(holder)) {
            throw new InvalidInputException("grantId", "grant-of-department", "grant " + grantId + " is not held by " + holder);
        }
        if (grant.ended()) {
            throw new ConflictException("grantId", "suspend-live-grants-only", "grant " + grantId + " is " + grant.status());
        }
        store.suspending(grantId).ifPresent(open -> {
            throw new ConflictException("grantId", "already-suspended", "grant " + grantId + " is already suspended under " + open);
        });
        return grant;
    }

    private List<Grant> all(Official by, boolean authority, String holder) {
        List<Grant> live = grants.live(holder, authority ? null : by.department(), null).stream()
                .filter(g -> store.suspending(g.id()).isEmpty()).toList();
        if (live.isEmpty()) {
            throw new ConflictException("department", "nothing-to-suspend", holder + " holds no live grant"
                    + (authority ? "" : " on " + by.department() + "'s resources") + " that is not already suspended");
        }
        return live;
    }

    /**
     * The open suspension that holds a grant, if one does: data access refuses every read under it. Asked whatever
     * the pack in force, so a suspension opened under a pack that had the step stands until it is decided.
     */
    public Optional<String> suspending(String grantId) {
        return store.suspending(grantId);
    }

    // ---- steps of the sharing-suspension process ----

    /**
     * The first step: binds the case to its instance, sets the rectification deadline and tells the department, the
     * providers of its grants and the suspender.
     *
     * @return the case in words, for the forms
     */
    public String notifySuspended(String processInstanceId, String caseNumber) {
        Suspension suspension = cases.bind(processInstanceId, caseNumber, s -> s.status() == Suspension.Status.AWAITING_REPORT);
        Instant due = cases.due(Deadline.SUSPENSION_RECTIFICATION);
        store.setDue(suspension.id(), due);
        String body = "暂停共享 Sharing suspended: " + grantsOf(suspension) + "\n理由 Reasons: " + suspension.reasons()
                + "\n请于 " + local(due) + " 前整改并报告。Rectify and report by " + local(due) + " ("
                + cases.workdays().workingDaysOf(Deadline.SUSPENSION_RECTIFICATION)
                + " working days); without a rectification accepted, the grants are terminated (Art. 27).";
        cases.send(cases.workgroup(suspension.department(), Role.APPLICANT), "SHARING_SUSPENDED",
                "共享权限暂停 Sharing suspended " + suspension.id(), body, suspension.id());
        suspension.grants().stream().map(Suspension.Held::providerDepartment).distinct()
                .filter(p -> !p.equals(suspension.suspenderDepartment()))
                .forEach(p -> cases.send(cases.workgroup(p, Role.PROVIDER_REVIEWER), "SHARING_SUSPENDED",
                        "共享权限暂停 Sharing suspended " + suspension.id(), body, suspension.id()));
        return summary(require(suspension.id()));
    }

    /** The suspended department's APPLICANT officials: the candidate group of the report task. */
    public String reporterWorkgroup(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).department(), Role.APPLICANT);
    }

    /** Who verifies: the authority, or the suspending provider's PROVIDER_REVIEWER officials. */
    public String verifierWorkgroup(String processInstanceId) {
        Suspension suspension = cases.ofProcess(processInstanceId);
        return suspension.byAuthority() ? cases.workgroups().authority()
                : cases.workgroup(suspension.suspenderDepartment(), Role.PROVIDER_REVIEWER);
    }

    /** The rectification deadline: the report task's due date and its timer. */
    public Date rectificationDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).rectificationDue());
    }

    /** The department's report, checked against the stored case (the form is a convenience, this is the rule). */
    public String recordReport(String processInstanceId, String report) {
        Suspension suspension = lockedAt(processInstanceId, Suspension.Status.AWAITING_REPORT);
        Actor actor = cases.actorOf(suspension.department(), "the rectification of " + suspension.id() + " is reported by "
                + suspension.department());
        if (blank(report)) {
            throw new InvalidInputException("rectificationReport", "required", "say what was done to end the misuse");
        }
        store.setReport(suspension.id(), report.strip(), actor.id(), cases.now());
        cases.record(cases.entry(AuditAction.SHARING_SUSPENSION_REPORTED, suspension.id())
                .with("late", cases.now().isAfter(suspension.rectificationDue())));
        cases.send(verifierWorkgroup(processInstanceId), "SUSPENSION_REPORTED", "整改报告 Rectification reported "
                + suspension.id(), suspension.department() + " reported its rectification; verify it.", suspension.id());
        return summary(require(suspension.id()));
    }

    /**
     * The suspender's verification: RECTIFIED, or NOT_RECTIFIED with reasons; by the suspender's side only.
     *
     * @return the decision, for the process
     */
    public String recordVerification(String processInstanceId, String decision, String reasons) {
        Suspension suspension = lockedAt(processInstanceId, Suspension.Status.AWAITING_VERIFICATION);
        Actor actor = cases.actorOf(suspension.suspenderDepartment(), suspension.id() + " is verified by "
                + suspension.suspenderDepartment() + ", who suspended");
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new InvalidInputException("verificationDecision", "unknown-value", "decide RECTIFIED or NOT_RECTIFIED");
        }
        if ("NOT_RECTIFIED".equals(decision) && blank(reasons)) {
            throw new InvalidInputException("verificationReasons", "not-rectified-needs-reasons",
                    "say what is still wrong: the grants are terminated on it");
        }
        store.setDecision(suspension.id(), blank(reasons) ? null : reasons.strip(), actor.id());
        return decision;
    }

    /** Rectified: the grants serve again (those that have not ended meanwhile). */
    public void restore(String processInstanceId) {
        Suspension suspension = lockedAt(processInstanceId, Suspension.Status.AWAITING_VERIFICATION);
        store.close(suspension.id(), Suspension.Status.RESTORED, cases.now());
        cases.record(cases.entry(AuditAction.SHARING_RESTORED, suspension.id()).with("department", suspension.department())
                .with("grants", suspension.grants().stream().map(Suspension.Held::grantId).toList()));
        cases.send(cases.workgroup(suspension.department(), Role.APPLICANT), "SHARING_RESTORED",
                "共享权限恢复 Sharing restored " + suspension.id(), grantsOf(suspension) + " serve again.", suspension.id());
    }

    /**
     * Not rectified, or no report by the deadline: every grant it holds is terminated, and the case closed.
     */
    public void terminate(String processInstanceId) {
        Suspension suspension = cases.lockedOfProcess(processInstanceId);
        if (!suspension.status().suspends()) {
            throw new ConflictException("status", "terminate-suspended-only", suspension.id() + " is " + suspension.status());
        }
        boolean late = suspension.status() == Suspension.Status.AWAITING_REPORT;
        String why = late ? "暂停期间未在期限内报告整改 no rectification reported by " + local(suspension.rectificationDue())
                : "整改未到位 not rectified: " + suspension.decisionReasons();
        String reason = "Art. 27, " + suspension.id() + ": " + why;
        String by = late ? "system" : suspension.decidedBy();
        List<String> terminated = suspension.grants().stream().map(Suspension.Held::grantId)
                .filter(id -> grants.terminate(by, id, reason)).toList();
        store.close(suspension.id(), Suspension.Status.TERMINATED, cases.now());
        cases.record(cases.entry(AuditAction.SHARING_TERMINATED, suspension.id()).because(why)
                .with("department", suspension.department()).with("grants", terminated).with("deadlinePassed", late));
    }

    // ---- the platform API's doors (Tasklist completes the same tasks, with the same checks) ----

    @Transactional
    public Suspension report(Official by, String id, String report) {
        pack.require(OptionalStep.SHARING_SUSPENSION);
        Suspension suspension = cases.require(id);
        if (!suspension.department().equals(by.department()) || !by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("the rectification of " + id + " is reported by " + suspension.department()
                    + "'s APPLICANT officials");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("rectificationReport", report);
        return cases.complete(suspension, "Task_ReportRectification", variables, "does not wait for a report");
    }

    @Transactional
    public Suspension verify(Official by, String id, String decision, String reasons) {
        pack.require(OptionalStep.SHARING_SUSPENSION);
        Suspension suspension = cases.require(id);
        boolean verifier = suspension.byAuthority() ? by.has(Role.AUTHORITY)
                : suspension.suspenderDepartment().equals(by.department()) && by.has(Role.PROVIDER_REVIEWER);
        if (!verifier) {
            throw new AccessDeniedException(id + " is verified by whoever suspended: "
                    + (suspension.byAuthority() ? "the sharing authority" : suspension.suspenderDepartment()));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("verificationDecision", decision);
        variables.put("verificationReasons", reasons);
        return cases.complete(suspension, "Task_VerifyRectification", variables, "does not wait for a verification");
    }

    // ---- reading ----

    /** A suspension as its parties (the department, the suspender, the providers of its grants) and the authority see it. */
    public Suspension visibleTo(Official by, String id) {
        pack.require(OptionalStep.SHARING_SUSPENSION);
        return cases.visibleTo(by, id, s -> s.concerns(by.department()),
                "a suspension is seen by its department, its suspender, the providers of its grants and the authority");
    }

    /**
     * The suspensions a department is party to as the suspended department or the suspender, newest first; the
     * authority sees all. (A provider whose grants the authority suspended is told, and reads the case by its number.)
     */
    public List<Suspension> list(Official by, Suspension.Status status, int page, int size) {
        pack.require(OptionalStep.SHARING_SUSPENSION);
        return store.rows().newestFirst("suspended_at", by.has(Role.AUTHORITY) ? null : by.department(),
                List.of("department", "suspender_department"), status, page, size);
    }

    public Suspension require(String id) {
        return cases.require(id);
    }

    /** The whole case in words, for the forms. */
    public String summary(Suspension s) {
        StringBuilder text = new StringBuilder()
                .append("暂停 Suspended: ").append(s.department()).append(" — ").append(grantsOf(s)).append('\n')
                .append("暂停方 By: ").append(s.byAuthority() ? "共享主管部门 the sharing authority" : s.suspenderDepartment())
                .append(" (").append(s.suspendedBy()).append(")\n")
                .append("理由 Reasons: ").append(s.reasons()).append('\n');
        if (s.rectificationDue() != null) {
            text.append("整改期限 Rectify by: ").append(local(s.rectificationDue())).append('\n');
        }
        if (s.report() != null) {
            text.append("整改报告 Report (").append(s.reportedBy()).append("): ").append(s.report()).append('\n');
        }
        return text.toString().strip();
    }

    private Suspension lockedAt(String processInstanceId, Suspension.Status expected) {
        Suspension suspension = cases.lockedOfProcess(processInstanceId);
        if (suspension.status() != expected) {
            throw new ConflictException("status", "not-waiting", suspension.id() + " is " + suspension.status());
        }
        return suspension;
    }

    private static String grantsOf(Suspension s) {
        return (s.scope() == Suspension.Scope.ALL ? "all grants " : "grant ")
                + s.grants().stream().map(Suspension.Held::grantId).toList();
    }

    private String local(Instant at) {
        return LOCAL.format(at.atZone(cases.zone()));
    }
}
