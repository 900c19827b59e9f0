package org.govshare.complaint;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditEvent;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.ProcessText;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.HiddenException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.supervision.Rectifications;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (Art. 32): an administrative department's official complains of another department's conduct; the
 * sharing authority of the respondent's tier and region investigates within a working-day deadline (reminded before
 * it, the supervisors told when it passes), may ask the respondent for a written statement, and finds the complaint
 * substantiated (a violation is opened, which may be ordered rectified) or not, with reasons; both departments are
 * told. The complainant may withdraw before the finding. Owns the {@code complaint} process: each step is one call
 * here and finds its complaint by process instance, never from a variable a task completion could overwrite.
 */
@Service
public class Complaints {

    public static final String PROCESS = "complaint";
    public static final String WITHDRAW_MESSAGE = "withdraw-complaint";
    static final CaseKind KIND = new CaseKind(PROCESS, "TS", "complaintNumber", "complaint", "complaint");
    static final String INVESTIGATION = "Task_InvestigateComplaint";
    static final String STATEMENT = "Task_RespondentStatement";

    /** What the authority decides at the investigation task. */
    enum InvestigationDecision { ASK_STATEMENT, SUBSTANTIATED, NOT_SUBSTANTIATED }

    private final ComplaintStore store;
    private final Cases<Complaint> cases;
    private final CaseEngine engine;
    private final AuditTrail auditTrail;
    private final DepartmentDirectory departments;
    private final ComplaintRouting routing;
    private final ViolationRegister violations;
    private final Rectifications rectifications;
    private final ComplaintProperties properties;
    private final PublicComplainants publicComplainants;
    private final PackInForce pack;

    Complaints(ComplaintStore store, CaseEngine engine, AuditTrail auditTrail, DepartmentDirectory departments,
               ComplaintRouting routing, ViolationRegister violations, Rectifications rectifications,
               ComplaintProperties properties, PublicComplainants publicComplainants, PackInForce pack) {
        this.store = store;
        this.cases = engine.cases(KIND, store.rows());
        this.engine = engine;
        this.auditTrail = auditTrail;
        this.departments = departments;
        this.routing = routing;
        this.violations = violations;
        this.rectifications = rectifications;
        this.properties = properties;
        this.publicComplainants = publicComplainants;
        this.pack = pack;
    }

    // ---- lodging ----

    /**
     * An administrative department's official lodges a complaint, its own department's or (national Art. 37) one a
     * citizen or organisation made to the official, who may then also be the sharing authority's; checked, numbered,
     * routed and its process started.
     */
    @Transactional
    public Complaint lodge(Official by, NewComplaint asked, List<EvidenceFile> files) {
        boolean forThePublic = asked.publicComplainant() != null;
        if (forThePublic) {
            pack.require(OptionalStep.PUBLIC_COMPLAINTS);
        }
        boolean administrative = by.department() != null && departments.find(by.department())
                .filter(d -> d.kind() == DepartmentKind.ADMINISTRATIVE).isPresent();
        if (!administrative && !(forThePublic && by.has(Role.AUTHORITY))) {
            throw new AccessDeniedException(forThePublic ? "a complaint of a citizen or an organisation is lodged by the"
                    + " official of an administrative department or of the sharing authority who received it"
                    : "a complaint is lodged by an official of an administrative department");
        }
        List<FieldError> errors = new ArrayList<>();
        Department respondent = blank(asked.respondent()) ? null : departments.find(asked.respondent().strip())
                .filter(d -> d.kind() == DepartmentKind.ADMINISTRATIVE).orElse(null);
        if (blank(asked.respondent())) {
            errors.add(new FieldError("respondent", "required", "name the department complained of"));
        } else if (respondent == null) {
            errors.add(new FieldError("respondent", "known-administrative-department",
                    "'" + asked.respondent() + "' is not an administrative department on the platform"));
        } else if (respondent.code().equals(by.department()) && !forThePublic) {
            errors.add(new FieldError("respondent", "another-department", "a complaint is about another department's conduct"));
        }
        ViolationType type = Arrays.stream(ViolationType.values())
                .filter(t -> t.name().equals(asked.violationType())).findFirst()
                .filter(t -> pack.item(t).isPresent()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("violationType", "violation-type", "the act alleged is one the rule pack lists: "
                    + Arrays.stream(ViolationType.values()).filter(t -> pack.item(t).isPresent()).toList()));
        }
        if (asked.occurredOn() == null) {
            errors.add(new FieldError("occurredOn", "required", "the day the act happened"));
        } else if (asked.occurredOn().isAfter(cases.today())) {
            errors.add(new FieldError("occurredOn", "not-in-future", "a complaint is about what has happened"));
        }
        if (blank(asked.facts()) || asked.facts().strip().length() > 4000) {
            errors.add(new FieldError("facts", "required-at-most-4000", "state the facts, in at most 4000 characters"));
        }
        String respondentCode = respondent == null ? by.department() : respondent.code();
        List<String> cited = citedCases(by, respondentCode, asked.cases(), errors);
        List<String> events = citedEvents(by, respondentCode, asked.auditEvents(), errors);
        Complaint.PublicComplainant complainant = forThePublic
                ? publicComplainants.checked(asked.publicComplainant(), asked.facts(), errors) : null;
        if (files.size() > properties.maxEvidenceFiles()) {
            errors.add(new FieldError("evidence", "max-files", "at most " + properties.maxEvidenceFiles() + " files"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Complaint.File> described = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            EvidenceFile.Checked checked = files.get(i).checked("evidence[" + i + "]", properties.maxEvidenceSize(),
                    properties.evidenceTypes());
            described.add(new Complaint.File(i + 1, checked.name(), checked.type(), checked.size()));
        }
        Complaint draft = new Complaint(cases.number(), by.department(), by.login(), cases.now(), respondent.code(), type,
                asked.facts().strip(), asked.occurredOn(), cited, events, described, routing.authorityFor(respondent),
                Complaint.Status.INVESTIGATING, null, false, false, null, null, false, null, null,
                complainant == null ? null : PublicComplainants.masked(complainant), null, null);
        String sealed = complainant == null ? null : publicComplainants.seal(complainant, draft.id());
        AuditEntry lodged = cases.entry(AuditAction.COMPLAINT_LODGED, draft.id());
        if (complainant != null) {
            // the kind only: the name and contact never enter the audit trail, nor through it Elasticsearch
            lodged = lodged.with("publicComplainant", complainant.kind());
        }
        return cases.open(draft, c -> store.insert(c, files.stream().map(EvidenceFile::content).toList(), sealed),
                lodged.with("respondent", respondent.code())
                        .with("violationType", type).with("occurredOn", asked.occurredOn().toString())
                        .with("cases", cited).with("auditEvents", events)
                        .with("files", described.stream().map(Complaint.File::name).toList()).because(draft.facts()),
                Map.of("respondentDepartment", respondent.code(), "complainantDepartment", by.department()));
    }

    /**
     * Case numbers both the complainant's department and the respondent are party to: the respondent reads what is
     * cited, so a case between the complainant and a third department (another complaint, say) is not citable. Any
     * other, existing or not, is refused alike.
     */
    private List<String> citedCases(Official by, String respondent, List<String> numbers, List<FieldError> errors) {
        List<String> cited = cleaned(numbers, "cases", errors);
        for (int i = 0; i < cited.size(); i++) {
            if (engine.find(cited.get(i)).filter(c -> c.concerns(by.department()) && c.concerns(respondent)).isEmpty()) {
                errors.add(new FieldError("cases[" + i + "]", "citable-case", "there is no case " + cited.get(i)
                        + " that your department and " + respondent + " are both party to"));
            }
        }
        return cited;
    }

    /**
     * Audit events the complainant's department may cite: its own acts, and events about a case it and the respondent
     * are both party to. Any other, existing or not, is refused alike, so the answer tells nothing of the trail it may
     * not read.
     */
    private List<String> citedEvents(Official by, String respondent, List<String> ids, List<FieldError> errors) {
        List<String> cited = cleaned(ids, "auditEvents", errors);
        for (int i = 0; i < cited.size(); i++) {
            if (auditTrail.find(cited.get(i)).filter(e -> citable(by, respondent, e)).isEmpty()) {
                errors.add(new FieldError("auditEvents[" + i + "]", "citable-audit-event", "there is no audit event "
                        + cited.get(i) + " that your department may cite"));
            }
        }
        return cited;
    }

    private boolean citable(Official by, String respondent, AuditEvent event) {
        return by.department().equals(event.actorDepartment()) || (event.objectId() != null && engine.find(event.objectId())
                .filter(c -> c.concerns(by.department()) && c.concerns(respondent)).isPresent());
    }

    private List<String> cleaned(List<String> values, String field, List<FieldError> errors) {
        List<String> cleaned = values.stream().filter(v -> !blank(v)).map(String::strip).distinct().toList();
        if (cleaned.size() > properties.maxCitations()) {
            errors.add(new FieldError(field, "max-citations", "cite at most " + properties.maxCitations()));
            return cleaned.subList(0, properties.maxCitations());
        }
        return cleaned;
    }

    // ---- steps of the complaint process ----

    /**
     * The first step: binds the complaint (named by the business key) to its process instance, sets the
     * investigation's deadline, and tells the authority it was routed to and the respondent.
     *
     * @return what the forms show of the case
     */
    public String route(String processInstanceId, String complaintNumber) {
        Complaint c = cases.bind(processInstanceId, complaintNumber, Complaint::open);
        Instant due = cases.due(Deadline.COMPLAINT_INVESTIGATION);
        store.setInvestigationDue(c.id(), due);
        cases.record(cases.entry(AuditAction.COMPLAINT_ROUTED, c.id()).with("to", c.authorityDepartment())
                .with("investigationDue", due.toString()));
        cases.send(investigatorWorkgroup(c), "COMPLAINT_LODGED", "投诉 Complaint " + c.id() + " to investigate by " + due,
                c.complainantDepartment() + " complains of " + c.respondentDepartment() + ": " + c.violationType(), c.id());
        cases.send(respondentWorkgroup(c), "COMPLAINT_RECEIVED", "投诉 Complaint " + c.id() + " about your department",
                c.complainantDepartment() + " complains of " + c.violationType() + "; " + c.authorityDepartment()
                        + " investigates and may ask for your statement", c.id());
        return caseSummary(require(c.id()));
    }

    /** The candidate group of the investigation: the routed authority's AUTHORITY officials. */
    public String investigatorWorkgroup(String processInstanceId) {
        return investigatorWorkgroup(cases.ofProcess(processInstanceId));
    }

    private String investigatorWorkgroup(Complaint c) {
        return cases.workgroup(c.authorityDepartment(), Role.AUTHORITY);
    }

    /** The candidate group of the statement: the respondent's PROVIDER_REVIEWER officials, who answer for it. */
    public String respondentWorkgroup(String processInstanceId) {
        return respondentWorkgroup(cases.ofProcess(processInstanceId));
    }

    private String respondentWorkgroup(Complaint c) {
        return cases.workgroup(c.respondentDepartment(), Role.PROVIDER_REVIEWER);
    }

    public Date investigationDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).investigationDue());
    }

    /** When the authority is reminded: the configured working days before the investigation is due. */
    public Date reminderAt(String processInstanceId) {
        return Date.from(cases.workdays().before(cases.ofProcess(processInstanceId).investigationDue(),
                properties.reminderWorkingDays()));
    }

    public Date statementDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).statementDue());
    }

    /** The investigation is nearly due: its authority is reminded, once. */
    public void remind(String processInstanceId) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        if (c.reminded() || !c.open()) {
            return;
        }
        store.markReminded(c.id());
        cases.record(cases.entry(AuditAction.COMPLAINT_INVESTIGATION_REMINDED, c.id())
                .with("investigationDue", c.investigationDue().toString()));
        cases.send(investigatorWorkgroup(c), "COMPLAINT_REMINDER", "投诉即将到期 Complaint " + c.id() + " due "
                + c.investigationDue(), "make the finding by the deadline", c.id());
    }

    /**
     * The investigation ran past its deadline: the supervisors are told (the task stays with the authority). They,
     * not the municipal authority, because the municipal authority is itself the late one whenever a complaint was
     * routed to it; the supervisors stand outside every authority (Art. 33).
     */
    public void escalate(String processInstanceId) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        if (c.escalated() || !c.open()) {
            return;
        }
        store.markEscalated(c.id());
        String supervisors = rectifications.supervisorWorkgroup();
        cases.record(cases.entry(AuditAction.COMPLAINT_INVESTIGATION_ESCALATED, c.id()).with("to", supervisors)
                .with("authority", c.authorityDepartment()).with("investigationDue", c.investigationDue().toString()));
        String subject = "投诉调查逾期 Complaint " + c.id() + " past its deadline";
        String body = c.authorityDepartment() + " has not made its finding on " + c.id() + " (due " + c.investigationDue()
                + ")";
        cases.send(supervisors, "COMPLAINT_ESCALATED", subject, body, c.id());
        cases.send(investigatorWorkgroup(c), "COMPLAINT_ESCALATED", subject, body, c.id());
    }

    /**
     * The authority's step at the investigation task, checked against the stored complaint: ask the respondent for a
     * statement (once), or find, with reasons.
     *
     * @return ASK_STATEMENT, SUBSTANTIATED or NOT_SUBSTANTIATED, for the process
     */
    public String recordInvestigation(String processInstanceId, String decisionText, String reasons) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(c.authorityDepartment(), "complaint " + c.id() + " is investigated by "
                + c.authorityDepartment());
        InvestigationDecision decision = Arrays.stream(InvestigationDecision.values())
                .filter(d -> d.name().equals(decisionText == null ? "" : decisionText.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("investigationDecision", "unknown-value",
                        "decide ASK_STATEMENT, SUBSTANTIATED or NOT_SUBSTANTIATED"));
        if (decision == InvestigationDecision.ASK_STATEMENT) {
            if (c.statementDue() != null) {
                throw new InvalidInputException("investigationDecision", "statement-asked-once",
                        "the respondent was asked for its statement already; make the finding");
            }
            return decision.name();
        }
        if (blank(reasons) || reasons.strip().length() > 4000) {
            throw new InvalidInputException("findingReasons", "finding-needs-reasons",
                    "give the finding's reasons, in at most 4000 characters");
        }
        Complaint.Finding finding = new Complaint.Finding(Complaint.Outcome.valueOf(decision.name()), reasons.strip(),
                actor.id(), cases.now());
        store.setFinding(c.id(), finding);
        cases.record(cases.entry(AuditAction.COMPLAINT_FOUND, c.id()).with("outcome", finding.outcome())
                .with("statementGiven", c.statement() != null).because(finding.reasons()));
        return decision.name();
    }

    /** The respondent is asked for its written statement, due in the statement deadline. */
    public String requestStatement(String processInstanceId) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        Instant due = cases.due(Deadline.COMPLAINT_STATEMENT);
        store.setStatementDue(c.id(), due);
        cases.record(cases.entry(AuditAction.COMPLAINT_STATEMENT_REQUESTED, c.id()).with("statementDue", due.toString()));
        cases.send(respondentWorkgroup(c), "COMPLAINT_STATEMENT_REQUESTED", "投诉 Complaint " + c.id()
                + ": your written statement by " + due, c.complainantDepartment() + " complains of " + c.violationType()
                + "; " + c.authorityDepartment() + " asks for your statement", c.id());
        return caseSummary(require(c.id()));
    }

    /** The respondent's statement, checked (its own department, some text) and recorded. */
    public String recordStatement(String processInstanceId, String text) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(c.respondentDepartment(), "the statement on " + c.id() + " is "
                + c.respondentDepartment() + "'s");
        if (blank(text) || text.strip().length() > 4000) {
            throw new InvalidInputException("statement", "statement-required", "write the statement, in at most 4000"
                    + " characters");
        }
        store.setStatement(c.id(), new Complaint.Statement(actor.id(), cases.now(), text.strip()));
        cases.record(cases.entry(AuditAction.COMPLAINT_STATEMENT_GIVEN, c.id()));
        cases.send(investigatorWorkgroup(c), "COMPLAINT_STATEMENT_GIVEN", "投诉 Complaint " + c.id() + ": statement given",
                c.respondentDepartment() + " gave its statement; make the finding", c.id());
        return caseSummary(require(c.id()));
    }

    /** The respondent let the statement deadline pass: recorded, and the investigation goes on without it. */
    public String recordStatementMissed(String processInstanceId) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        store.markStatementMissed(c.id());
        cases.record(cases.entry(AuditAction.COMPLAINT_STATEMENT_MISSED, c.id())
                .with("department", c.respondentDepartment()).with("statementDue", c.statementDue().toString()));
        cases.send(investigatorWorkgroup(c), "COMPLAINT_STATEMENT_MISSED", "投诉 Complaint " + c.id()
                + ": no statement from " + c.respondentDepartment(), "the deadline " + c.statementDue()
                + " passed; the investigation goes on without it", c.id());
        return caseSummary(require(c.id()));
    }

    /**
     * A substantiated complaint opens a violation of the respondent's (source COMPLAINT, found by the official who made
     * the finding), which the authority may then order rectified; both departments are told.
     */
    public void recordSubstantiated(String processInstanceId) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        List<String> evidence = new ArrayList<>(List.of(c.id()));
        evidence.addAll(c.citedCases());
        c.citedEvents().forEach(e -> evidence.add("audit:" + e));
        ViolationRegister.Recorded recorded = violations.recordFromComplaint(new ViolationRegister.Detected(
                c.respondentDepartment(), c.violationType(), c.id(), c.occurredOn(), null,
                "投诉查实 Complaint " + c.id() + " substantiated: " + c.finding().reasons(), KIND.objectType(), c.id(),
                evidence, false), c.occurredOn().atStartOfDay(cases.zone()).toInstant(), c.finding().by());
        store.close(c.id(), Complaint.Status.SUBSTANTIATED, recorded.violation().id(), cases.now());
        tellBothSides(c, "COMPLAINT_SUBSTANTIATED", "投诉查实 Complaint " + c.id() + " substantiated",
                "violation " + recorded.violation().id() + " of " + c.respondentDepartment() + " is recorded. "
                        + c.finding().reasons());
    }

    /** A complaint found not substantiated: closed with the reasons; both departments are told. */
    public void recordNotSubstantiated(String processInstanceId) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        store.close(c.id(), Complaint.Status.NOT_SUBSTANTIATED, null, cases.now());
        tellBothSides(c, "COMPLAINT_NOT_SUBSTANTIATED", "投诉不成立 Complaint " + c.id() + " not substantiated",
                c.finding().reasons());
    }

    private void tellBothSides(Complaint c, String kind, String subject, String body) {
        // the complainant's department hears through the official who lodged it, whatever roles its others hold
        cases.send(c.lodgedBy(), kind, subject, body, c.id());
        cases.send(respondentWorkgroup(c), kind, subject, body, c.id());
    }

    /** The complainant's department takes back a complaint before the finding; the process ends wherever it was. */
    @Transactional
    public Complaint withdraw(Official by, String id) {
        visibleTo(by, id);
        return cases.withdraw(id, WITHDRAW_MESSAGE, c -> {
            if (!c.complainantDepartment().equals(by.department())) {
                throw new AccessDeniedException("a complaint is withdrawn by the department that lodged it");
            }
        }, Complaint::open);
    }

    /** The withdrawal, recorded by the process's event subprocess; the authority and the respondent are told. */
    public void recordWithdrawal(String processInstanceId) {
        Complaint c = cases.lockedOfProcess(processInstanceId);
        store.close(c.id(), Complaint.Status.WITHDRAWN, null, cases.now());
        cases.record(cases.entry(AuditAction.COMPLAINT_WITHDRAWN, c.id()));
        String subject = "投诉已撤回 Complaint " + c.id() + " withdrawn";
        cases.send(investigatorWorkgroup(c), "COMPLAINT_WITHDRAWN", subject, c.complainantDepartment()
                + " withdrew its complaint", c.id());
        cases.send(respondentWorkgroup(c), "COMPLAINT_WITHDRAWN", subject, c.complainantDepartment()
                + " withdrew its complaint", c.id());
    }

    // ---- the platform API's doors to the tasks (Tasklist completes the same tasks) ----

    /** The routed authority's step through the API: ASK_STATEMENT, or a finding with reasons. */
    @Transactional
    public Complaint investigate(Official by, String id, String decision, String reasons) {
        Complaint c = visibleTo(by, id);
        if (!handles(by, c)) {
            throw new AccessDeniedException("complaint " + id + " is investigated by " + c.authorityDepartment());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("investigationDecision", decision == null ? "" : decision);
        variables.put("findingReasons", reasons);
        return cases.complete(c, INVESTIGATION, variables, "does not wait for the investigation");
    }

    /** The respondent's statement through the API. */
    @Transactional
    public Complaint giveStatement(Official by, String id, String text) {
        Complaint c = visibleTo(by, id);
        if (!c.respondentDepartment().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("the statement on " + id + " is given by " + c.respondentDepartment()
                    + "'s PROVIDER_REVIEWER officials");
        }
        return cases.complete(c, STATEMENT, Map.of("statement", text == null ? "" : text),
                "does not wait for the respondent's statement");
    }

    // ---- reading ----

    /**
     * A complaint as its two departments, the sharing authorities and the supervisors see it. To anyone else it does
     * not exist: a complaint against a department is not for a third one to learn of, not even by its number.
     */
    public Complaint visibleTo(Official by, String id) {
        Complaint c = cases.require(id);
        if (!by.has(Role.AUTHORITY) && !by.has(Role.SUPERVISOR) && !c.concerns(by.department())) {
            throw new HiddenException(KIND.noun(), id);
        }
        return c;
    }

    /**
     * A complaint as {@link #visibleTo} shows it; to the authority handling it, with its public complainant's name and
     * contact in clear, each such read audited (without them).
     */
    @Transactional
    public Complaint read(Official by, String id) {
        Complaint c = visibleTo(by, id);
        if (c.publicComplainant() == null || !handles(by, c)) {
            return c;
        }
        cases.record(cases.entry(AuditAction.COMPLAINANT_READ, id));
        return c.showing(publicComplainants.open(store.sealedComplainant(id), id));
    }

    /** The AUTHORITY officials of the authority the complaint was routed to: they investigate and find. */
    private static boolean handles(Official by, Complaint c) {
        return by.has(Role.AUTHORITY) && c.authorityDepartment().equals(by.department());
    }

    /** Complaints the caller's department lodged or answers; the authorities and the supervisors see all. */
    public List<Complaint> list(Official by, Complaint.Status status, int page, int size) {
        return store.list(by.has(Role.AUTHORITY) || by.has(Role.SUPERVISOR) ? null : by.department(), status, page, size);
    }

    /** A file attached to a complaint, to those who see the complaint; each download is audited. */
    @Transactional
    public Download file(Official by, String id, int n) {
        Complaint c = visibleTo(by, id);
        Complaint.File file = c.files().stream().filter(f -> f.n() == n).findFirst()
                .orElseThrow(() -> new NotFoundException("file of complaint " + id, String.valueOf(n)));
        cases.record(cases.entry(AuditAction.COMPLAINT_EVIDENCE_DOWNLOADED, id).with("file", file.name()));
        return new Download(file, store.file(id, n));
    }

    /** A file with its bytes. */
    public record Download(Complaint.File file, byte[] content) {
    }

    public Complaint require(String id) {
        return cases.require(id);
    }

    /** The whole case in words, for the forms: who, what, the evidence, the statement, the deadlines. */
    private String caseSummary(Complaint c) {
        String text = String.join("\n",
                "投诉 Complaint: " + c.id() + " lodged by " + c.lodgedBy() + " (" + c.complainantDepartment() + ") at "
                        + c.lodgedAt(),
                "被投诉部门 Respondent: " + c.respondentDepartment(),
                "违规类型 Act alleged (Art. 33): " + c.violationType() + ", on " + c.occurredOn(),
                "事实 Facts: " + c.facts(),
                "引用案件 Cases cited: " + (c.citedCases().isEmpty() ? "—" : String.join(", ", c.citedCases())),
                "引用审计事件 Audit events cited: " + (c.citedEvents().isEmpty() ? "—" : String.join(", ", c.citedEvents())),
                "附件 Files: " + (c.files().isEmpty() ? "—" : c.files().stream()
                        .map(f -> f.n() + ". " + f.name() + " (" + f.type() + ", " + f.size() + " bytes)")
                        .collect(Collectors.joining("; "))),
                "承办 Investigated by: " + c.authorityDepartment() + ", due " + c.investigationDue(),
                "被投诉部门陈述 Respondent's statement: " + statementText(c));
        if (c.publicComplainant() != null) {
            text += "\n公众投诉人 Complainant (Art. 37): " + c.publicComplainant().kind() + " " + c.publicComplainant().name()
                    + ", " + c.publicComplainant().contact() + " (masked; the authority handling it reads them on the case)";
        }
        return ProcessText.fit(text, "the complaint");
    }

    private static String statementText(Complaint c) {
        if (c.statement() != null) {
            return c.statement().text() + " (" + c.statement().by() + ")";
        }
        if (c.statementMissed()) {
            return "未按期提交 none by the deadline " + c.statementDue();
        }
        return c.statementDue() == null ? "未要求 not asked for" : "待提交 due " + c.statementDue();
    }
}
