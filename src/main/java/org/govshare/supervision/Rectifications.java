package org.govshare.supervision;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.ProcessText;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification with a deadline (Art. 33): the authority orders a department to put a violation right within
 * working days; the department reports, the authority verifies (and may reject once, with a shorter second deadline);
 * a case not rectified in time ends in a published criticism (通报批评) and a referral to the supervisors, who consider
 * sanctions against the persons directly responsible. Owns the {@code rectification} process: every step is one call
 * here, and each step finds its case by process instance, never from a variable a task completion could overwrite.
 */
@Service
public class Rectifications {

    public static final String PROCESS = "rectification";
    static final CaseKind KIND = new CaseKind(PROCESS, "ZG", "caseNumber", "rectification", "rectification");

    /** What the authority may decide at the first verification, and at the second (no second rejection). */
    static final Set<String> FIRST_VERIFICATION = Set.of("ACCEPT", "REJECT");
    static final Set<String> SECOND_VERIFICATION = Set.of("ACCEPT", "NOT_RECTIFIED");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final Set<String> REFERRAL_OUTCOMES = Set.of("SANCTION_PROPOSED", "NO_ACTION");

    private final RectificationStore store;
    private final ViolationRegister violations;
    private final DepartmentDirectory departments;
    private final Cases<Rectification> cases;
    private final RectificationProperties properties;
    private final RectificationDocuments documents;

    Rectifications(RectificationStore store, ViolationRegister violations, DepartmentDirectory departments, CaseEngine engine,
                   RectificationProperties properties, RectificationDocuments documents) {
        this.store = store;
        this.violations = violations;
        this.departments = departments;
        this.cases = engine.cases(KIND, store.rows());
        this.properties = properties;
        this.documents = documents;
    }

    /** The authority orders an open violation rectified: one case per violation, numbered, and its process started. */
    @Transactional
    public Rectification start(Official by, String violationId) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("rectification is ordered by the sharing authority");
        }
        Violation violation = violations.require(violationId);
        store.ofViolation(violationId).ifPresent(existing -> {
            throw new ConflictException("violationId", "one-rectification-per-violation",
                    violationId + " is already rectified under " + existing.id());
        });
        if (violation.status() != Violation.Status.OPEN) {
            throw new ConflictException("status", "rectify-open-only", violationId + " is " + violation.status()
                    + "; only an OPEN violation is ordered rectified");
        }
        Rectification rectification = new Rectification(cases.number(), violationId, violation.department(), null,
                Rectification.Status.AWAITING_REPORT, 1, null, by.login(), cases.now(), null, null, null, null, null);
        return cases.open(rectification, store::insert, cases.entry(AuditAction.RECTIFICATION_STARTED, rectification.id())
                .with("violation", violationId).with("department", violation.department())
                .with("type", violation.type()).with("article", violation.article()),
                Map.of("violationId", violationId, "department", violation.department()));
    }

    // ---- steps of the rectification process ----

    /**
     * The first step: binds the case named by the business key to its instance, moves the violation to RECTIFYING
     * and sends the rectification notice with its deadline.
     *
     * @return the case summary the forms show
     */
    public String notifyDepartment(String processInstanceId, String caseNumber) {
        Rectification rectification = cases.bind(processInstanceId, caseNumber, r -> true);
        violations.move(rectification.violationId(), Violation.Status.OPEN, Violation.Status.RECTIFYING);
        Instant due = cases.due(Deadline.RECTIFICATION);
        store.setDeadline(rectification.id(), 1, due);
        Violation violation = violations.require(rectification.violationId());
        String order = "请于 " + local(due) + " 前整改并报告整改情况。Rectify it and report what was done by " + local(due)
                + " (" + cases.workdays().workingDaysOf(Deadline.RECTIFICATION) + " working days).";
        sendDeadlineNotice(rectification, "RECTIFICATION_NOTICE", "整改通知 Rectification notice " + rectification.id(),
                "违规 Violation " + violation.id() + " (" + violation.type() + ", Art. " + violation.article() + "): "
                        + violation.description() + "\n" + order, due, 1);
        documents.issueNotice(rectification, violation, order, cases.today());
        return summary(rectification.id());
    }

    /** The department's PROVIDER_REVIEWER officials: the candidate group of the report task. */
    public String departmentWorkgroup(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).department(), Role.PROVIDER_REVIEWER);
    }

    /** The current report deadline: the report task's due date and its timer. */
    public Date reportDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).reportDue());
    }

    /** The supervisors' workgroup: the SUPERVISOR officials of the department whose kind is SUPERVISORY. */
    public String supervisorWorkgroup() {
        return cases.workgroup(supervisoryDepartment(), Role.SUPERVISOR);
    }

    /** The department's report, checked against the stored case (the form is a convenience, this is the rule). */
    public void recordReport(String processInstanceId, String measures, String evidence) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_REPORT);
        Actor actor = cases.actorOf(rectification.department(), "the report on " + rectification.id() + " is "
                + rectification.department() + "'s");
        require("rectificationMeasures", measures, "say what was done to put the violation right");
        require("rectificationEvidence", evidence, "describe the evidence: documents, records, screenshots and where they are");
        store.addStep(rectification.id(), "REPORT", actor.id(), cases.now(), null, measures.strip(), evidence.strip(), null);
        store.setStatus(rectification.id(), Rectification.Status.AWAITING_VERIFICATION);
        cases.record(cases.entry(AuditAction.RECTIFICATION_REPORTED, rectification.id())
                .with("attempt", rectification.attempt()).with("late", cases.now().isAfter(rectification.reportDue())));
    }

    /**
     * The authority's verification: ACCEPT or REJECT (with reasons and a second, shorter deadline) the first time;
     * ACCEPT or NOT_RECTIFIED the second, so that a case cannot be rejected round and round.
     *
     * @return the decision, for the process
     */
    public String recordVerification(String processInstanceId, String decision, String reasons) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_VERIFICATION);
        Actor actor = requireAuthorityActor(rectification, "verified");
        Set<String> allowed = rectification.attempt() == 1 ? FIRST_VERIFICATION : SECOND_VERIFICATION;
        if (decision == null || !allowed.contains(decision)) {
            throw new InvalidInputException("verificationDecision", rectification.attempt() == 1 ? "first-verification"
                    : "second-verification-no-second-rejection", "the " + (rectification.attempt() == 1 ? "first" : "second")
                    + " verification decides one of " + allowed.stream().sorted().toList());
        }
        if (!"ACCEPT".equals(decision)) {
            require("verificationReasons", reasons, "say what is still wrong");
        }
        String why = blank(reasons) ? null : reasons.strip();
        store.addStep(rectification.id(), "VERIFICATION", actor.id(), cases.now(), decision, why, null, null);
        cases.record(cases.entry(AuditAction.RECTIFICATION_VERIFIED, rectification.id()).because(why)
                .with("decision", decision).with("attempt", rectification.attempt()));
        return decision;
    }

    /** Accepted: the violation is RECTIFIED and the case closed. */
    public void closeRectified(String processInstanceId) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_VERIFICATION);
        violations.move(rectification.violationId(), Violation.Status.RECTIFYING, Violation.Status.RECTIFIED);
        store.close(rectification.id(), Rectification.Status.RECTIFIED, null, cases.now());
        cases.record(cases.entry(AuditAction.RECTIFICATION_ACCEPTED, rectification.id())
                .with("violation", rectification.violationId()));
        cases.send(departmentGroup(rectification), "RECTIFICATION_ACCEPTED", "整改通过 Rectification " + rectification.id()
                + " accepted", "违规 " + rectification.violationId() + " is recorded as rectified.", rectification.id());
    }

    /** Rejected the first time: a second, shorter deadline, and a notice saying why. */
    public String renewDeadline(String processInstanceId) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_VERIFICATION);
        Instant due = cases.workdays().after(cases.now(), properties.secondDeadlineWorkingDays());
        store.setDeadline(rectification.id(), 2, due);
        String reasons = store.steps(rectification.id()).stream().filter(s -> s.kind().equals("VERIFICATION"))
                .reduce((a, b) -> b).map(Rectification.Step::body).orElse("");
        sendDeadlineNotice(rectification, "RECTIFICATION_REJECTED", "整改未通过 Rectification " + rectification.id()
                + " rejected", "理由 Reasons: " + reasons + "\n请于 " + local(due) + " 前重新整改并报告。Rectify and report"
                + " again by " + local(due)
                + " (" + properties.secondDeadlineWorkingDays() + " working days); there is no third deadline.", due, 2);
        return summary(rectification.id());
    }

    /**
     * Not rectified (the deadline passed without a report, or the second verification found it not rectified): a
     * public criticism is drafted for the authority to approve.
     *
     * @return the draft text, which the approval form shows for editing
     */
    public String draftCriticism(String processInstanceId) {
        Rectification rectification = cases.lockedOfProcess(processInstanceId);
        if (rectification.status() == Rectification.Status.AWAITING_REPORT) {
            store.addStep(rectification.id(), "DEADLINE_MISSED", Actor.SYSTEM.id(), cases.now(), null,
                    "no report by " + local(rectification.reportDue()), null, rectification.reportDue());
            cases.record(cases.entry(AuditAction.RECTIFICATION_OVERDUE, rectification.id())
                    .with("attempt", rectification.attempt()).with("reportDue", rectification.reportDue().toString()));
        } else if (rectification.status() != Rectification.Status.AWAITING_VERIFICATION) {
            throw new ConflictException("status", "criticise-unrectified-only", rectification.id() + " is " + rectification.status());
        }
        Violation violation = violations.require(rectification.violationId());
        Department department = departments.require(rectification.department());
        String draft = "关于对" + department.nameZh() + "的通报批评 Public criticism of " + department.nameEn() + "\n"
                + department.nameZh() + "存在《郑州市政务信息资源共享管理办法》第三十三条" + violation.article()
                + "所列行为（" + violation.type() + "）：" + violation.description() + "。经责令限期整改（" + rectification.id()
                + "），逾期未整改到位，现予通报批评。 Ordered to rectify it under case " + rectification.id()
                + ", the department did not do so in time and is hereby publicly criticised.";
        store.setStatus(rectification.id(), Rectification.Status.AWAITING_CRITICISM);
        store.addStep(rectification.id(), "CRITICISM_DRAFTED", Actor.SYSTEM.id(), cases.now(), null, cut(draft), null, null);
        cases.record(cases.entry(AuditAction.CRITICISM_DRAFTED, rectification.id()));
        cases.send(cases.workgroups().authority(), "CRITICISM_DRAFTED", "通报批评待审定 Criticism for " + rectification.id()
                + " awaits approval", rectification.department() + " did not rectify " + rectification.violationId(),
                rectification.id());
        return cut(draft);
    }

    /** The authority approves the criticism's text, edited or as drafted. */
    public void recordCriticismApproval(String processInstanceId, String text) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_CRITICISM);
        requireAuthorityActor(rectification, "criticised");
        require("criticismText", text, "the text to publish, as drafted or edited");
        store.setCriticismText(rectification.id(), text.strip());
    }

    /** The approved criticism is published to every department, and issued sealed; the violation is CRITICISED. */
    public void publishCriticism(String processInstanceId) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_CRITICISM);
        Actor actor = cases.actor();
        violations.move(rectification.violationId(), Violation.Status.RECTIFYING, Violation.Status.CRITICISED);
        store.publishCriticism(rectification.id(), actor.id(), cases.now());
        store.addStep(rectification.id(), "CRITICISM_PUBLISHED", actor.id(), cases.now(), null,
                rectification.criticismText(), null, null);
        cases.record(cases.entry(AuditAction.CRITICISM_PUBLISHED, rectification.id())
                .with("department", rectification.department()).with("violation", rectification.violationId()));
        documents.issueCriticism(rectification, rectification.criticismText(), cases.today());
        cases.send(departmentGroup(rectification), "CRITICISM_PUBLISHED", "通报批评 Public criticism " + rectification.id(),
                rectification.criticismText(), rectification.id());
    }

    /** The case goes to the supervisors, who consider sanctions; the violation is REFERRED. */
    public String referToSupervisors(String processInstanceId) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_CRITICISM);
        violations.move(rectification.violationId(), Violation.Status.CRITICISED, Violation.Status.REFERRED);
        store.setStatus(rectification.id(), Rectification.Status.AWAITING_REFERRAL);
        store.addStep(rectification.id(), "REFERRED", Actor.SYSTEM.id(), cases.now(), null, "to " + supervisorWorkgroup(),
                null, null);
        cases.record(cases.entry(AuditAction.RECTIFICATION_REFERRED, rectification.id())
                .with("to", supervisorWorkgroup()));
        cases.send(supervisorWorkgroup(), "RECTIFICATION_REFERRED", "移送追责 Case " + rectification.id() + " referred",
                rectification.department() + " did not rectify " + rectification.violationId() + " and was publicly"
                        + " criticised; consider sanctions against the persons directly responsible.", rectification.id());
        return summary(rectification.id());
    }

    /** The supervisors' outcome: SANCTION_PROPOSED or NO_ACTION, with reasons; the case is closed. */
    public void recordReferralOutcome(String processInstanceId, String outcome, String reasons) {
        Rectification rectification = lockedOfProcess(processInstanceId, Rectification.Status.AWAITING_REFERRAL);
        Actor actor = cases.actorOf(supervisoryDepartment(), "the referral of " + rectification.id()
                + " is decided by the supervisors");
        if (outcome == null || !REFERRAL_OUTCOMES.contains(outcome)) {
            throw new InvalidInputException("referralOutcome", "referral-outcome", "the outcome is one of "
                    + REFERRAL_OUTCOMES.stream().sorted().toList());
        }
        require("referralReasons", reasons, "say why");
        store.addStep(rectification.id(), "REFERRAL_OUTCOME", actor.id(), cases.now(), outcome, reasons.strip(), null, null);
        store.close(rectification.id(), Rectification.Status.CONCLUDED, outcome, cases.now());
        cases.record(cases.entry(AuditAction.REFERRAL_DECIDED, rectification.id()).because(reasons.strip())
                .with("outcome", outcome));
    }

    // ---- the platform API's doors to the tasks (Tasklist completes the same tasks) ----

    @Transactional
    public Rectification.Case report(Official by, String id, String measures, String evidence) {
        Rectification rectification = require(id);
        if (!rectification.department().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("the report on " + id + " is made by " + rectification.department()
                    + "'s PROVIDER_REVIEWER officials");
        }
        return complete(rectification, "Task_SubmitReport", Map.of("rectificationMeasures", nullable(measures),
                "rectificationEvidence", nullable(evidence)));
    }

    @Transactional
    public Rectification.Case verify(Official by, String id, String decision, String reasons) {
        requireAuthority(by);
        return complete(require(id), "Task_VerifyRectification", Map.of("verificationDecision", nullable(decision),
                "verificationReasons", nullable(reasons)));
    }

    @Transactional
    public Rectification.Case approveCriticism(Official by, String id, String text) {
        requireAuthority(by);
        return complete(require(id), "Task_ApproveCriticism", Map.of("criticismText", nullable(text)));
    }

    @Transactional
    public Rectification.Case decideReferral(Official by, String id, String outcome, String reasons) {
        if (!by.has(Role.SUPERVISOR) || !supervisoryDepartment().equals(by.department())) {
            throw new AccessDeniedException("a referral is decided by the supervisors");
        }
        return complete(require(id), "Task_ConsiderSanctions", Map.of("referralOutcome", nullable(outcome),
                "referralReasons", nullable(reasons)));
    }

    private Rectification.Case complete(Rectification rectification, String taskKey, Map<String, Object> variables) {
        return caseFile(cases.complete(rectification, taskKey, variables, "does not wait for this step"));
    }

    // ---- reading ----

    /** Everything about a case, for its department, the authority and the supervisors. */
    public Rectification.Case visibleTo(Official by, String id) {
        return caseFile(cases.visibleTo(by, id, r -> overseer(by) || r.department().equals(by.department()),
                "a rectification is seen by its department, the authority and the supervisors"));
    }

    /** A department's own cases; the authority and the supervisors may see all or one department's. */
    public List<Rectification> list(Official by, String department, Rectification.Status status, int page, int size) {
        if (department != null && !department.equals(by.department()) && !overseer(by)) {
            throw new AccessDeniedException("a department sees its own rectifications; the authority and supervisors see all");
        }
        return store.list(department != null ? department : overseer(by) ? null : by.department(), status, page, size);
    }

    /** Published criticisms: public to every department. */
    public List<Rectification.Criticism> criticisms(int page, int size) {
        return store.criticisms(page, size);
    }

    /** The sealed rectification notice as issued, for whoever sees the case. */
    public ResponseEntity<byte[]> notice(Official by, String id) {
        return documents.notice(visibleTo(by, id).rectification().id());
    }

    /** A published criticism as issued, sealed: public to every department, like the list; 404 before it is published. */
    public ResponseEntity<byte[]> criticism(String id) {
        return documents.criticism(id);
    }

    public Rectification require(String id) {
        return cases.require(id);
    }

    private Rectification.Case caseFile(Rectification rectification) {
        return new Rectification.Case(rectification, violations.require(rectification.violationId()),
                store.steps(rectification.id()));
    }

    /** The case file as text, for the forms after each step. */
    public String caseSummary(String processInstanceId) {
        return summary(cases.ofProcess(processInstanceId).id());
    }

    /** The case file as text for the forms (Camunda keeps a string variable in 4000 characters). */
    private String summary(String id) {
        Rectification.Case file = caseFile(require(id));
        Violation v = file.violation();
        String steps = file.steps().stream().map(s -> "• " + s.recordedAt() + " " + s.kind() + " (" + s.actor() + ")"
                + (s.decision() == null ? "" : " " + s.decision()) + (s.due() == null ? "" : " due " + s.due())
                + (s.body() == null ? "" : ": " + s.body()) + (s.evidence() == null ? "" : " [evidence: " + s.evidence() + "]"))
                .collect(Collectors.joining("\n"));
        String text = String.join("\n",
                "违规 Violation: " + v.id() + " " + v.type() + " (Art. " + v.article() + "), " + v.source(),
                "单位 Department: " + v.department(),
                "事实 Facts: " + v.description(),
                "证据 Evidence: " + v.evidenceType() + " " + v.evidenceId() + ", occurred " + v.occurredAt(),
                "期限 Deadline: " + local(file.rectification().reportDue()) + " (attempt " + file.rectification().attempt() + " of 2)",
                "案卷 Case file:", steps);
        return ProcessText.fit(text, "the case");
    }

    private void sendDeadlineNotice(Rectification rectification, String kind, String subject, String body, Instant due,
                                    int attempt) {
        cases.send(departmentGroup(rectification), kind, subject, body, rectification.id());
        store.addStep(rectification.id(), "NOTICE", Actor.SYSTEM.id(), cases.now(), kind, cut(body), null, due);
        cases.record(cases.entry(AuditAction.RECTIFICATION_NOTICE_SENT, rectification.id())
                .with("kind", kind).with("attempt", attempt).with("reportDue", due.toString())
                .with("to", departmentGroup(rectification)));
    }

    /** A moment as the officials read it: the deadline's local date and time in the deadlines' zone. */
    private String local(Instant moment) {
        return moment == null ? "—" : LOCAL.format(moment.atZone(cases.zone())) + " (" + cases.zone() + ")";
    }

    private String departmentGroup(Rectification rectification) {
        return cases.workgroup(rectification.department(), Role.PROVIDER_REVIEWER);
    }

    private String supervisoryDepartment() {
        return departments.all().stream().filter(d -> d.kind() == DepartmentKind.SUPERVISORY).map(Department::code)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "no SUPERVISORY department is registered: register the supervision department before referring cases"));
    }

    private Actor requireAuthorityActor(Rectification rectification, String what) {
        return cases.actorOf(cases.workgroups().authorityDepartment(),
                rectification.id() + " is " + what + " by the sharing authority");
    }

    private static void requireAuthority(Official by) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("this step of a rectification is the sharing authority's");
        }
    }

    private static boolean overseer(Official by) {
        return by.has(Role.AUTHORITY) || by.has(Role.SUPERVISOR);
    }

    private Rectification lockedOfProcess(String processInstanceId, Rectification.Status expected) {
        Rectification rectification = cases.lockedOfProcess(processInstanceId);
        if (rectification.status() != expected) {
            throw new ConflictException("status", "not-waiting", rectification.id() + " is " + rectification.status()
                    + ", not " + expected);
        }
        return rectification;
    }

    private static void require(String field, String value, String what) {
        if (blank(value)) {
            throw new InvalidInputException(field, "required", what);
        }
        if (value.strip().length() > 2000) {
            throw new InvalidInputException(field, "at-most-2000", "at most 2000 characters");
        }
    }

    private static String cut(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static Object nullable(String value) {
        return value == null ? "" : value;
    }
}
