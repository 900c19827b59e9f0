package org.govshare.catalog;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.FormValues;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog updates after a change of law or duties (Art. 17 of the national regulation, step
 * {@code catalog-update-duty}). A department records the change; it must then update its catalog within
 * {@code catalog-update} working days of the day the change takes effect, or, with the authority's consent asked in
 * the process, {@code catalog-update-extension} more. It answers by naming the submissions that update its catalog
 * (the authority then reviews them within {@code catalog-review} working days, as every submission). Unanswered at
 * the deadline: a CATALOG_NOT_UPDATED violation (Art. 39 i). Owns the {@code catalog-update} process; each step finds
 * its change by process instance.
 */
@Service
public class CatalogChanges {

    public static final String PROCESS = "catalog-update";
    static final CaseKind KIND = new CaseKind(PROCESS, "ML", "changeNumber", "catalog change", "catalog-change");

    private final CatalogChangeStore store;
    private final Catalog catalog;
    private final PackInForce pack;
    private final ViolationRegister violations;
    private final Cases<CatalogChange> cases;

    CatalogChanges(CatalogChangeStore store, Catalog catalog, PackInForce pack, ViolationRegister violations,
                   CaseEngine engine) {
        this.store = store;
        this.catalog = catalog;
        this.pack = pack;
        this.violations = violations;
        this.cases = engine.cases(KIND, store.rows());
    }

    /** What a department records: the law or duty that changed, how, and from when. */
    public record NewChange(String basis, String description, LocalDate effectiveOn) {
    }

    /** A department's catalog keeper records a change of law or duties; the update deadline runs from its effect. */
    @Transactional
    public CatalogChange record(Official by, NewChange input) {
        StepOff.require(pack, OptionalStep.CATALOG_UPDATE_DUTY, "a change of law or duties sets no catalog update deadline");
        Catalog.requireProvider(by, null);
        List<FieldError> errors = new ArrayList<>();
        if (input == null || blank(input.basis()) || input.basis().strip().length() > 500) {
            errors.add(new FieldError("basis", "required-at-most-500",
                    "the law, regulation or decision that changed, in at most 500 characters"));
        }
        if (input == null || blank(input.description()) || input.description().strip().length() > 2000) {
            errors.add(new FieldError("description", "required-at-most-2000",
                    "what changed for the catalog, in at most 2000 characters"));
        }
        if (input == null || input.effectiveOn() == null) {
            errors.add(new FieldError("effectiveOn", "required", "the day the change takes effect (YYYY-MM-DD)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the day the change takes effect does not count, as the day of any event a deadline counts from
        Instant due = cases.workdays().due(Deadline.CATALOG_UPDATE, input.effectiveOn().atStartOfDay(cases.zone()).toInstant());
        CatalogChange draft = new CatalogChange(cases.number(), by.department(), input.basis().strip(),
                input.description().strip(), input.effectiveOn(), by.login(), cases.now(), due, CatalogChange.Status.OPEN,
                null, null, null, null, false, List.of(), null);
        return cases.open(draft, store::insert, cases.entry(AuditAction.CATALOG_CHANGE_RECORDED, draft.id())
                .with("basis", draft.basis()).with("effectiveOn", draft.effectiveOn()).with("due", due),
                Map.of("department", draft.department(), "basis", draft.basis(), "changeSummary", summary(draft)));
    }

    // ---- steps of the catalog-update process ----

    /** The first step: binds the change named by the business key to its instance. */
    public void bind(String processInstanceId, String changeNumber) {
        cases.bind(processInstanceId, changeNumber, c -> c.status() == CatalogChange.Status.OPEN);
    }

    /** The update deadline the change was given (extended at most once), for the task and its timer. */
    public Date due(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).dueAt());
    }

    /** The update task's candidate group: the department's catalog keepers. */
    public String updaterWorkgroup(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).department(), Role.PROVIDER_REVIEWER);
    }

    /**
     * The update task's guard. ANSWERED names the department's own submissions that update its catalog, made since the
     * change (the earlier of its effect and its recording); EXTEND asks the authority for the longer period, once,
     * with reasons, before the deadline passed.
     */
    public void recordUpdate(String processInstanceId, String outcome, List<String> submissionIds, String extensionReason) {
        CatalogChange change = cases.lockedOfProcess(processInstanceId);
        cases.actorOf(change.department(), "the catalog of " + change.department() + " is updated by its own officials");
        if ("EXTEND".equals(outcome)) {
            askExtension(change, extensionReason);
        } else if ("ANSWERED".equals(outcome)) {
            answer(change, FormValues.cleaned(submissionIds));
        } else {
            throw new InvalidInputException("updateOutcome", "unknown-value", "ANSWERED or EXTEND");
        }
    }

    private void askExtension(CatalogChange change, String reason) {
        if (change.extensionDecision() != null) {
            throw new ConflictException("updateOutcome", "one-extension", change.id() + " had its extension "
                    + change.extensionDecision() + "; the period is extended once at most (Art. 17)");
        }
        if (cases.now().isAfter(change.dueAt())) {
            throw new ConflictException("updateOutcome", "extension-before-deadline",
                    "the update deadline " + day(change.dueAt()) + " has passed; an extension is asked before it");
        }
        if (blank(reason) || reason.strip().length() > 2000) {
            throw new InvalidInputException("extensionReason", "required-at-most-2000",
                    "say why the catalog cannot be updated in time, in at most 2000 characters");
        }
        store.askExtension(change.id(), reason.strip());
        cases.record(cases.entry(AuditAction.CATALOG_UPDATE_EXTENSION_ASKED, change.id()).because(reason.strip()));
        cases.send(cases.workgroups().authority(), "CATALOG_UPDATE_EXTENSION", "目录更新延期申请 Extension asked: "
                + change.id(), change.department() + " asks for " + cases.workdays().workingDaysOf(Deadline.CATALOG_UPDATE_EXTENSION)
                + " more working days to update its catalog after " + change.basis() + ": " + reason.strip(), change.id());
    }

    private void answer(CatalogChange change, List<String> submissionIds) {
        if (submissionIds.isEmpty()) {
            throw new InvalidInputException("submissionIds", "required",
                    "name the catalog submissions that update the catalog (POST /api/catalog/submissions)");
        }
        Instant since = change.recordedAt().isBefore(change.effectiveOn().atStartOfDay(cases.zone()).toInstant())
                ? change.recordedAt() : change.effectiveOn().atStartOfDay(cases.zone()).toInstant();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < submissionIds.size(); i++) {
            String field = "submissionIds[" + i + "]";
            Submission submission;
            try {
                submission = catalog.submission(submissionIds.get(i));
            } catch (NotFoundException e) {
                errors.add(new FieldError(field, "known-submission", "no catalog submission " + submissionIds.get(i)));
                continue;
            }
            if (!submission.department().equals(change.department())) {
                errors.add(new FieldError(field, "own-submission", "the submission must be " + change.department() + "'s"));
            } else if (submission.submittedAt().isBefore(since)) {
                errors.add(new FieldError(field, "submitted-for-the-change",
                        "the submission predates the change; submit the revised or new entries"));
            } else if (submission.status() == Submission.Status.WITHDRAWN) {
                errors.add(new FieldError(field, "not-withdrawn", "the submission was withdrawn"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean late = cases.now().isAfter(change.dueAt());
        store.answer(change.id(), submissionIds, cases.now());
        cases.record(cases.entry(AuditAction.CATALOG_CHANGE_ANSWERED, change.id()).with("submissions", submissionIds)
                .with("late", late));
    }

    /** The extension task's guard: the authority consents, or refuses with reasons; consent moves the deadline. */
    public void recordExtensionDecision(String processInstanceId, String decision, String comment) {
        CatalogChange change = cases.lockedOfProcess(processInstanceId);
        Actor authority = cases.actorOf(cases.workgroups().authorityDepartment(),
                "an extension of the catalog update is decided by the sharing authority (Art. 17)");
        if (!"CONSENT".equals(decision) && !"REFUSE".equals(decision)) {
            throw new InvalidInputException("extensionDecision", "unknown-value", "CONSENT or REFUSE");
        }
        if ("REFUSE".equals(decision) && blank(comment)) {
            throw new InvalidInputException("extensionComment", "refusal-needs-reason", "say why the extension is refused");
        }
        Instant due = "CONSENT".equals(decision)
                ? cases.workdays().due(Deadline.CATALOG_UPDATE_EXTENSION, change.dueAt()) : change.dueAt();
        store.decideExtension(change.id(), decision, authority.id(), due);
        cases.show(change, "changeSummary", summary(cases.require(change.id())));
        cases.record(cases.entry(AuditAction.CATALOG_UPDATE_EXTENSION_DECIDED, change.id()).with("decision", decision)
                .with("due", due).because(blank(comment) ? null : comment.strip()));
        cases.send(cases.workgroup(change.department(), Role.PROVIDER_REVIEWER), "CATALOG_UPDATE_EXTENSION_DECIDED",
                ("CONSENT".equals(decision) ? "延期已同意 Extension granted: " : "延期未同意 Extension refused: ") + change.id(),
                "update the catalog by " + day(due) + (blank(comment) ? "" : ": " + comment.strip()), change.id());
    }

    /** The update deadline passed unanswered: a CATALOG_NOT_UPDATED violation (Art. 39 i), once. */
    public void markOverdue(String processInstanceId) {
        CatalogChange change = cases.lockedOfProcess(processInstanceId);
        if (change.overdue() || change.status() == CatalogChange.Status.ANSWERED) {
            return;
        }
        store.markOverdue(change.id());
        violations.recordDetected(change.department(), ViolationType.CATALOG_NOT_UPDATED, "catalog change " + change.id()
                + " (" + change.basis() + ") unanswered at its update deadline " + day(change.dueAt()), KIND.objectType(),
                change.id(), change.dueAt());
        cases.record(cases.entry(AuditAction.CATALOG_UPDATE_OVERDUE, change.id()).because("the update deadline passed"));
    }

    // ---- the platform API's doors to the tasks (Tasklist completes the same tasks, with the same checks) ----

    @Transactional
    public CatalogChange answer(Official by, String id, List<String> submissionIds) {
        return complete(by, id, Map.of("updateOutcome", "ANSWERED", "submissionIds",
                String.join(",", submissionIds == null ? List.of() : submissionIds)));
    }

    @Transactional
    public CatalogChange askExtension(Official by, String id, String reason) {
        return complete(by, id, Map.of("updateOutcome", "EXTEND", "extensionReason", reason == null ? "" : reason));
    }

    private CatalogChange complete(Official by, String id, Map<String, Object> variables) {
        StepOff.require(pack, OptionalStep.CATALOG_UPDATE_DUTY, "there are no catalog changes to answer");
        CatalogChange change = cases.require(id);
        Catalog.requireProvider(by, change.department());
        return cases.complete(change, "Task_UpdateCatalog", variables, "does not wait for the catalog update");
    }

    @Transactional
    public CatalogChange decideExtension(Official by, String id, String decision, String comment) {
        StepOff.require(pack, OptionalStep.CATALOG_UPDATE_DUTY, "there are no catalog update extensions");
        if (!cases.workgroups().actsForTheAuthority(by)) {
            throw new AccessDeniedException("an extension of the catalog update is decided by the sharing authority (Art. 17)");
        }
        return cases.complete(cases.require(id), "Task_DecideExtension", Map.of("extensionDecision",
                decision == null ? "" : decision, "extensionComment", comment == null ? "" : comment),
                "does not wait for a decision on an extension");
    }

    // ---- reading ----

    public CatalogChange visibleTo(Official by, String id) {
        StepOff.require(pack, OptionalStep.CATALOG_UPDATE_DUTY, "there are no catalog changes");
        return cases.visibleTo(by, id, c -> c.department().equals(by.department()),
                "the catalog changes of a department are theirs and the authority's");
    }

    /** A page of a department's changes, newest first. */
    public List<CatalogChange> of(Official by, String department, int page, int size) {
        StepOff.require(pack, OptionalStep.CATALOG_UPDATE_DUTY, "there are no catalog changes");
        if (!by.maySee(department)) {
            throw new AccessDeniedException("the catalog changes of " + department + " are theirs and the authority's");
        }
        return store.of(department, page, size);
    }

    private String summary(CatalogChange c) {
        return "依据 Basis: " + c.basis() + "\n变化 Change: " + c.description() + "\n生效 Effective on: " + c.effectiveOn()
                + "\n更新期限 Update by: " + day(c.dueAt());
    }

    /** A deadline as officials read it: the day in the platform's zone (deadlines end at its last second). */
    private LocalDate day(Instant deadline) {
        return deadline.atZone(cases.zone()).toLocalDate();
    }
}
