package org.govshare.catalog;

import static org.govshare.platform.FormValues.blank;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.Finding;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource catalogs and the published sharing catalog (Art. 5, 13 to 16). Departments submit entries, changes
 * and retirements; the sharing authority reviews them in the {@code catalog-registration} process; publishing
 * makes a new version, and earlier versions stay readable.
 */
@Service
public class Catalog {

    public static final String PROCESS = "catalog-registration";
    /** Submissions are not numbered: the process's business key is the entry's code. */
    static final CaseKind KIND = new CaseKind(PROCESS, null, null, "catalog submission", "catalog-submission");

    private final CatalogChecks checks;
    private final AssessmentChecks assessments;
    private final CatalogStore store;
    private final Cases<Submission> cases;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<RetirementCheck> retirementChecks;

    Catalog(CatalogChecks checks, AssessmentChecks assessments, CatalogStore store, CaseEngine engine, Clock clock,
            ApplicationEventPublisher events, List<RetirementCheck> retirementChecks) {
        this.checks = checks;
        this.assessments = assessments;
        this.store = store;
        this.cases = engine.cases(KIND, store.submissions());
        this.clock = clock;
        this.events = events;
        this.retirementChecks = List.copyOf(retirementChecks);
    }

    /** A new entry or a change to a published one, sent to the authority for review. */
    @Transactional
    public Submission submit(Official by, CatalogEntry entry) {
        return submit(by, entry, null);
    }

    /**
     * A new entry or a change, with its assessments where the pack asks for them (Art. 13 of the national
     * regulation): then it goes to the department head before the authority.
     *
     * @param assessed the assessments, or null
     */
    @Transactional
    public Submission submit(Official by, CatalogEntry entry, SubmissionAssessments assessed) {
        requireProvider(by, entry.providerDepartment());
        CatalogChecks.Checked checked = checks.check(entry);
        return submitChecked(by, checked, assessments.check(assessed, checked.entry()));
    }

    /** Starts the review of an entry that passed the checks, without assessments (a spreadsheet carries none). */
    Submission submitChecked(Official by, CatalogChecks.Checked checked) {
        return submitChecked(by, checked, assessments.check(null, checked.entry()));
    }

    /** Starts the review of an entry that passed the checks; refuses a code that clashes with the catalog. */
    private Submission submitChecked(Official by, CatalogChecks.Checked checked, List<SubmissionAssessments.Checked> assessed) {
        store.lockDepartment(by.department());
        clash(by.department(), checked.entry().code()).ifPresent(clash -> {
            throw clash;
        });
        Submission.Kind kind = store.resourceStatus(checked.entry().code()).isPresent()
                ? Submission.Kind.CHANGE : Submission.Kind.NEW;
        if (kind == Submission.Kind.CHANGE) {
            retirementChecks.forEach(check -> check.beforeChange(checked.entry().code()));
        }
        return start(by, kind, checked.entry(), checked.flags(), null, assessed);
    }

    /** Why a department may not submit this code now, if it may not: another's code, one in review, a retired one. */
    Optional<ConflictException> clash(String department, String code) {
        Optional<String> owner = store.ownerOf(code).filter(o -> !o.equals(department));
        if (owner.isPresent()) {
            return Optional.of(new ConflictException("code", "code-unique", "the code " + code + " belongs to " + owner.get()));
        }
        Optional<Submission> open = store.openSubmissionFor(code);
        if (open.isPresent()) {
            return Optional.of(new ConflictException("code", "one-open-submission", "the entry " + code
                    + " is already in review (submission " + open.get().id() + "); revise or withdraw that one"));
        }
        if (store.resourceStatus(code).filter("RETIRED"::equals).isPresent()) {
            return Optional.of(new ConflictException("code", "retired-code",
                    "the resource " + code + " is retired; give the new entry a new code"));
        }
        return Optional.empty();
    }

    /** Asks the authority to retire a published entry. */
    @Transactional
    public Submission requestRetirement(Official by, String code, String reason) {
        if (blank(reason)) {
            throw new InvalidInputException("reason", "required", "say why the resource is retired");
        }
        CatalogListing current = current(code).orElseThrow(() -> new NotFoundException("published resource", code));
        requireProvider(by, current.entry().providerDepartment());
        store.lockDepartment(by.department());
        if (!"PUBLISHED".equals(current.status())) {
            throw new ConflictException("code", "retire-published-only", code + " is " + current.status());
        }
        store.openSubmissionFor(code).ifPresent(open -> {
            throw new ConflictException("code", "one-open-submission", code + " is already in review (submission " + open.id() + ")");
        });
        retirementChecks.forEach(check -> check.beforeRetirement(code, current.entry().providerDepartment()));
        return start(by, Submission.Kind.RETIRE, current.entry(), List.of(), reason, List.of());
    }

    /**
     * Retires a published resource on a filing the authority accepted elsewhere (national regulation Art. 27: after
     * consulting the holders), without a second review: a new RETIRED version approved by whoever accepted it.
     *
     * @param filing the accepted filing's number, recorded with the version's submission
     */
    @Transactional
    public CatalogVersion retireAsFiled(String code, String filing, String approvedBy) {
        CatalogListing current = current(code).orElseThrow(() -> new NotFoundException("published resource", code));
        store.lockDepartment(current.entry().providerDepartment());
        if (!"PUBLISHED".equals(current.status())) {
            throw new ConflictException("code", "retire-published-only", code + " is " + current.status());
        }
        store.openSubmissionFor(code).ifPresent(open -> {
            throw new ConflictException("code", "one-open-submission", code + " is in review (submission " + open.id()
                    + "); withdraw it before the filed retirement takes effect");
        });
        Submission submission = new Submission(UUID.randomUUID().toString(), code, Submission.Kind.RETIRE,
                current.entry().providerDepartment(), approvedBy, clock.instant(), Submission.Status.RETIRED,
                current.entry(), List.of(), "filing " + filing, approvedBy, null, false, List.of(), null);
        store.insert(submission);
        CatalogVersion version = store.publish(submission, current.entry(), approvedBy, clock.instant());
        cases.record(AuditEntry.ok(AuditAction.CATALOG_RETIRED, "catalog-resource", code).with("version", version.version())
                .with("submission", submission.id()).with("filing", filing));
        return version;
    }

    private Submission start(Official by, Submission.Kind kind, CatalogEntry entry, List<Finding> flags, String reason,
                             List<SubmissionAssessments.Checked> assessed) {
        Submission submission = new Submission(UUID.randomUUID().toString(), entry.code(), kind, by.department(),
                by.login(), clock.instant(), Submission.Status.IN_REVIEW, entry, flags, null, null, null, false,
                List.of(), null);
        store.insert(submission);
        store.setAssessments(submission.id(), assessed);
        cases.start(submission, entry.code(), Map.of(
                "submissionId", submission.id(), "code", entry.code(), "entryName", entry.name(),
                "submissionKind", kind.name(), "providerDepartment", entry.providerDepartment(),
                "findingsSummary", summary(flags) + (reason == null ? "" : "\n退出理由 Reason for retirement: " + reason),
                "entrySummary", entrySummary(kind, entry), "assessmentsSummary", assessmentsSummary(assessed)));
        cases.record(cases.entry(AuditAction.CATALOG_SUBMITTED, submission.id())
                .with("code", entry.code()).with("kind", kind).with("flags", flags.stream().map(Finding::rule).toList()));
        return submission(submission.id());
    }

    /** The authority's decision, from the platform API (Tasklist completes the same task). */
    @Transactional
    public void review(Official by, String submissionId, String decision, String comment) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("only the sharing authority reviews catalog entries (Art. 5, 15)");
        }
        Submission submission = submission(submissionId);
        cases.complete(submission, "Task_ReviewEntry", Map.of("reviewDecision", nullToEmpty(decision),
                "reviewComment", nullToEmpty(comment)), "does not wait for a review");
    }

    /** The department revises a returned entry; it stays returned until resubmitted. */
    @Transactional
    public Submission revise(Official by, String submissionId, CatalogEntry revised) {
        return revise(by, submissionId, revised, null);
    }

    /**
     * The department revises a returned entry, and its assessments when it brings new ones (the ones it had stay
     * otherwise); it stays returned until resubmitted.
     */
    @Transactional
    public Submission revise(Official by, String submissionId, CatalogEntry revised, SubmissionAssessments reassessed) {
        Submission submission = returned(by, submissionId);
        if (!submission.code().equals(revised.code())) {
            throw new InvalidInputException("code", "same-code", "a revision keeps the code " + submission.code());
        }
        CatalogChecks.Checked checked = checks.check(revised);
        if (reassessed != null) {
            List<SubmissionAssessments.Checked> assessed = assessments.check(reassessed, checked.entry());
            store.setAssessments(submissionId, assessed);
            cases.show(submission, "assessmentsSummary", assessmentsSummary(assessed));
        }
        store.setContent(submissionId, checked.entry(), checked.flags());
        cases.show(submission, "entrySummary", entrySummary(submission.kind(), checked.entry()));
        cases.record(cases.entry(AuditAction.CATALOG_REVISED, submissionId)
                .with("flags", checked.flags().stream().map(Finding::rule).toList()));
        return submission(submissionId);
    }

    /** The department sends a returned entry back to the authority; the process checks it again first. */
    @Transactional
    public Submission resubmit(Official by, String submissionId) {
        Submission submission = returned(by, submissionId);
        return cases.complete(submission, "Task_ReviseEntry", Map.of("revision", "RESUBMIT"), "does not wait for a revision");
    }

    @Transactional
    public Submission withdraw(Official by, String submissionId) {
        Submission submission = returned(by, submissionId);
        return cases.complete(submission, "Task_ReviseEntry", Map.of("revision", "WITHDRAW"), "does not wait for a revision");
    }

    /**
     * The department head's decision on a submission before it reaches the authority (Art. 13 of the national
     * regulation), from the platform API (Tasklist completes the same task).
     */
    @Transactional
    public Submission decideAsHead(Official by, String submissionId, String decision, String comment) {
        assessments.requireStep("submissions go to the authority without their head's approval");
        Submission submission = submission(submissionId);
        if (!by.has(Role.DEPARTMENT_HEAD) || !by.department().equals(submission.department())) {
            throw new AccessDeniedException("a submission of " + submission.department()
                    + " is approved by its own DEPARTMENT_HEAD (Art. 13)");
        }
        return cases.complete(submission, "Task_ApproveSubmission", Map.of("headDecision", nullToEmpty(decision),
                "reviewComment", nullToEmpty(comment)), "does not wait for its head's approval");
    }

    /** The report of one of a submission's assessments, for its department and the authority. */
    public CatalogStore.AssessmentReport assessmentReport(Official by, String submissionId, SubmissionAssessments.Kind kind) {
        Submission submission = submissionFor(by, submissionId);
        return store.assessmentReport(submission.id(), kind)
                .orElseThrow(() -> new NotFoundException("report of the " + kind.label() + " of submission", submissionId));
    }

    // ---- steps of the catalog-registration process ----
    // Each step finds its submission from the process instance, never from a process variable: task completions
    // may set variables, and a variable must not be able to point a step at another department's submission.

    /** The candidate group of the revise task: the catalog keepers of the submitting department. */
    public String reviserWorkgroup(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).department(), Role.PROVIDER_REVIEWER);
    }

    /**
     * The head approval task's candidate group: the submitting department's head of the sharing office. The task may
     * be the process's first wait, before the submission is bound to it: then the submission is the one open for the
     * code the process was started with (one per code), never one a variable names.
     */
    public String headWorkgroup(String processInstanceId, String code) {
        return cases.workgroup(submissionOf(processInstanceId, code).department(), Role.DEPARTMENT_HEAD);
    }

    /** The submission of the resource now in review or returned for revision, if any. */
    public Optional<String> openSubmissionOf(String code) {
        return store.openSubmissionFor(code).map(Submission::id);
    }

    /**
     * Whether the submission goes to its department's head before the authority: a new entry or a change (not a
     * retirement) under a pack that asks for the approval (Art. 13). Read from the stored submission, so a variable
     * set when a task is completed cannot route around the head.
     */
    public boolean needsHeadApproval(String processInstanceId, String code) {
        return submissionOf(processInstanceId, code).kind() != Submission.Kind.RETIRE
                && assessments.headApprovalAsked();
    }

    private Submission submissionOf(String processInstanceId, String code) {
        return store.submissions().ofProcess(processInstanceId)
                .or(() -> store.openSubmissionFor(code).filter(s -> s.processInstanceId() == null))
                .orElseThrow(() -> new NotFoundException("catalog submission of process instance", processInstanceId));
    }

    /**
     * The head approval task's guard: the submitting department's own head, a decision, and a reason when returning
     * (the revise task shows it, as it shows the authority's).
     */
    public void recordHeadApproval(String processInstanceId, String decision, String comment) {
        Submission submission = cases.ofProcess(processInstanceId);
        Actor head = cases.actorOf(submission.department(),
                "a submission of " + submission.department() + " is approved by its own head (Art. 13)");
        if (!"APPROVE".equals(decision) && !"RETURN".equals(decision)) {
            throw new InvalidInputException("headDecision", "unknown-value", "decide APPROVE or RETURN");
        }
        if ("RETURN".equals(decision) && blank(comment)) {
            throw new InvalidInputException("reviewComment", "return-needs-reason",
                    "a returned submission must say what to change");
        }
        store.setHeadApproval(submission.id(), new Submission.HeadApproval(decision, head.id(), cases.now(),
                blank(comment) ? null : comment.strip()));
        cases.record(cases.entry("APPROVE".equals(decision) ? AuditAction.CATALOG_HEAD_APPROVED
                : AuditAction.CATALOG_HEAD_RETURNED, submission.id()));
    }

    /** The review task's guard: a decision, and a reason when returning. Records who reviewed. */
    public void recordReview(String processInstanceId, String decision, String comment) {
        if (!"PUBLISH".equals(decision) && !"RETURN".equals(decision)) {
            throw new InvalidInputException("reviewDecision", "unknown-value", "decide PUBLISH or RETURN");
        }
        if ("RETURN".equals(decision) && blank(comment)) {
            throw new InvalidInputException("reviewComment", "return-needs-reason",
                    "a returned entry must say what to change (Art. 15)");
        }
        Submission submission = cases.ofProcess(processInstanceId);
        store.setReview(submission.id(), comment, cases.actor().id());
        cases.record(cases.entry(AuditAction.CATALOG_REVIEWED, submission.id())
                .with("decision", decision));
    }

    public void publish(String processInstanceId) {
        Submission submission = cases.ofProcess(processInstanceId);
        CatalogEntry content = submission.kind() == Submission.Kind.RETIRE ? submission.content()
                : submission.content().publishedOn(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.ofHours(8)));
        CatalogVersion version = store.publish(submission, content, nullToEmpty(submission.reviewedBy()), clock.instant());
        boolean retired = submission.kind() == Submission.Kind.RETIRE;
        store.setStatus(submission.id(), retired ? Submission.Status.RETIRED : Submission.Status.PUBLISHED);
        cases.record(AuditEntry.ok(retired ? AuditAction.CATALOG_RETIRED : AuditAction.CATALOG_PUBLISHED,
                "catalog-resource", submission.code()).with("version", version.version()).with("submission", submission.id()));
        if (!retired) {
            events.publishEvent(new CatalogEntryPublished(submission.id(), submission.code(), submission.department(),
                    version.version()));
        }
    }

    public void markReturned(String processInstanceId) {
        settle(processInstanceId, Submission.Status.RETURNED, AuditAction.CATALOG_RETURNED);
    }

    /**
     * Checks a resubmitted entry again; a refusal sends it back to the department with what refused it.
     *
     * @return whether the rules refused it, and the summary for the next task (the refusal, or the reviewer's flags)
     */
    public Recheck recheck(String processInstanceId) {
        Submission submission = cases.ofProcess(processInstanceId);
        try {
            CatalogChecks.Checked checked = checks.check(submission.content());
            store.setContent(submission.id(), checked.entry(), checked.flags());
            store.setStatus(submission.id(), Submission.Status.IN_REVIEW);
            cases.record(cases.entry(AuditAction.CATALOG_RESUBMITTED, submission.id()));
            return new Recheck(false, summary(checked.flags()), checked.entry().name(),
                    entrySummary(submission.kind(), checked.entry()));
        } catch (InvalidInputException refused) {
            String summary = refused.errors().stream().map(f -> "• " + f.field() + ": " + f.rule() + " — " + f.message())
                    .collect(Collectors.joining("\n"));
            cases.record(AuditEntry.refused(AuditAction.CATALOG_RESUBMITTED, "catalog-submission", submission.id(), summary));
            return new Recheck(true, summary, submission.content().name(),
                    entrySummary(submission.kind(), submission.content()));
        }
    }

    /** The outcome of a recheck, for the process: refused or not, what to show, the entry's name and whole now. */
    public record Recheck(boolean refused, String findingsSummary, String entryName, String entrySummary) {
    }

    public void markWithdrawn(String processInstanceId) {
        settle(processInstanceId, Submission.Status.WITHDRAWN, AuditAction.CATALOG_WITHDRAWN);
    }

    private void settle(String processInstanceId, Submission.Status status, AuditAction action) {
        Submission submission = cases.ofProcess(processInstanceId);
        store.setStatus(submission.id(), status);
        cases.record(cases.entry(action, submission.id()));
    }

    public void markOverdue(String processInstanceId) {
        Submission submission = cases.ofProcess(processInstanceId);
        store.markOverdue(submission.id());
        cases.record(cases.entry(AuditAction.CATALOG_REVIEW_OVERDUE, submission.id())
                .because("the authority's review deadline passed"));
    }

    // ---- reading ----

    public Submission submission(String id) {
        return cases.require(id);
    }

    /** A submission as its department or the authority sees it. */
    public Submission submissionFor(Official by, String id) {
        Submission submission = submission(id);
        if (!by.maySee(submission.department())) {
            throw new AccessDeniedException("the submissions of " + submission.department() + " are theirs and the authority's");
        }
        return submission;
    }

    /** A page of a department's submissions, newest first. */
    public List<Submission> submissionsOf(Official by, String department, int page, int size) {
        if (!by.maySee(department)) {
            throw new AccessDeniedException("the submissions of " + department + " are theirs and the authority's");
        }
        return store.submissionsOf(department, page, size);
    }

    public CatalogPage search(CatalogQuery query) {
        return store.search(query);
    }

    public Optional<CatalogListing> current(String code) {
        return store.current(code);
    }

    /** A page of the published versions of a resource, newest first; a page past the last is empty, not a 404. */
    public List<CatalogVersion> history(String code, int page, int size) {
        List<CatalogVersion> versions = store.versions(code, page, size);
        if (versions.isEmpty() && store.version(code, 1).isEmpty()) {
            throw new NotFoundException("published resource", code);
        }
        return versions;
    }

    public CatalogVersion version(String code, int version) {
        return store.version(code, version).orElseThrow(() -> new NotFoundException("version " + version + " of", code));
    }

    /** For each data item name (as given), the published resources holding an item of that name. */
    public Map<String, List<String>> codesByItemName(List<String> itemNames) {
        return store.codesByItemName(itemNames);
    }

    private Submission returned(Official by, String submissionId) {
        Submission submission = submission(submissionId);
        requireProvider(by, submission.department());
        if (submission.status() != Submission.Status.RETURNED) {
            throw new ConflictException("status", "revise-returned-only", "submission " + submissionId + " is "
                    + submission.status() + "; only a RETURNED submission is revised or withdrawn");
        }
        return submission;
    }

    /** Only the provider's own officials who keep its catalog (PROVIDER_REVIEWER) change its entries. */
    static void requireProvider(Official by, String providerDepartment) {
        if (providerDepartment != null && !providerDepartment.equals(by.department())) {
            throw new AccessDeniedException(by.department() + " cannot change the catalog of " + providerDepartment);
        }
        if (!by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("a department's catalog is kept by its PROVIDER_REVIEWER officials");
        }
    }

    /** The whole entry for the tasks, with what a change changes in the published version. */
    private String entrySummary(Submission.Kind kind, CatalogEntry entry) {
        return EntrySummary.of(kind, entry, kind == Submission.Kind.NEW ? null : store.current(entry.code()).orElse(null));
    }

    /** The assessments in words, for the head's task (Art. 13 of the national regulation). */
    private static String assessmentsSummary(List<SubmissionAssessments.Checked> assessed) {
        return assessed.isEmpty() ? "无 None" : assessed.stream().map(SubmissionAssessments.Checked::recorded)
                .map(a -> "• " + a.kind().label() + ": " + (a.done() ? a.doneOn() + ", " + a.doneBy() + ", "
                        + a.file().name() + " (" + a.file().size() + " bytes)" : "未开展（不含个人信息）not done: no personal data"))
                .collect(Collectors.joining("\n"));
    }

    private static String summary(List<Finding> flags) {
        return flags.isEmpty() ? "无 None" : flags.stream()
                .map(f -> "• " + f.citation() + ": " + f.message()).collect(Collectors.joining("\n"));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
