package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.VariableScope;
import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.ProcessText;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.request.Reply;
import org.govshare.request.ReplyDecision;
import org.govshare.request.SharingRequest;
import org.govshare.request.SharingRequests;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes (Art. 18): the applicant department contests a refusal, or the narrowing or added conditions of an
 * approval; the sharing authority hears both sides in writing, may meet them, and rules. A granting ruling issues
 * the grant by itself. Owns the {@code dispute-coordination} process: every step of it is one call here, and each
 * step finds its dispute by process instance, never from a variable a task completion could overwrite.
 */
@Service
public class Disputes {

    public static final String PROCESS = "dispute-coordination";
    public static final String WITHDRAW_MESSAGE = "withdraw-dispute";
    /** The grants' source type of a grant a ruling issued. */
    public static final String GRANT_SOURCE = "dispute";
    static final CaseKind KIND = new CaseKind(PROCESS, "ZY", "disputeNumber", "dispute", "dispute");

    private final DisputeStore store;
    private final SharingRequests requests;
    private final Grants grants;
    private final Cases<Dispute> cases;
    private final DisputesProperties properties;
    private final RulingDocument rulingDocument;
    private final Coordinators coordinators;

    Disputes(DisputeStore store, SharingRequests requests, Grants grants, CaseEngine engine, DisputesProperties properties,
             RulingDocument rulingDocument, Coordinators coordinators) {
        this.store = store;
        this.requests = requests;
        this.grants = grants;
        this.cases = engine.cases(KIND, store.rows());
        this.properties = properties;
        this.rulingDocument = rulingDocument;
        this.coordinators = coordinators;
    }

    /** The applicant department files a dispute against a refusal or a narrowing; the process starts at once. */
    @Transactional
    public Dispute file(Official by, NewDispute asked) {
        if (blank(asked.requestId())) {
            throw new InvalidInputException("requestId", "required", "name the sharing request disputed");
        }
        SharingRequest request = requests.require(asked.requestId().strip());
        if (!request.applicantDepartment().equals(by.department()) || !by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("a dispute is filed by the applicant department's APPLICANT officials ("
                    + request.applicantDepartment() + ")");
        }
        Reply reply = request.reply();
        boolean narrowed = request.status() == SharingRequest.Status.GRANTED && reply != null
                && (reply.decision() == ReplyDecision.NARROW || !blank(reply.addedConditions()));
        // an OVERTURNED request was refused, and its dispute ruled: the check of standing disputes below says so
        boolean refused = request.status() == SharingRequest.Status.REFUSED
                || request.status() == SharingRequest.Status.OVERTURNED;
        if (!refused && !narrowed) {
            throw new ConflictException("requestId", "dispute-refusal-or-narrowing", request.id() + " is " + request.status()
                    + (request.open() ? "; wait for its answer" : " as asked; there is nothing to dispute"));
        }
        Instant lastMoment = cases.workdays().after(request.closedAt(), properties.filingWorkingDays());
        if (cases.now().isAfter(lastMoment)) {
            throw new InvalidInputException("requestId", "dispute-period-over", "a dispute is filed within "
                    + properties.filingWorkingDays() + " working days of the decision; for " + request.id() + " that ended "
                    + lastMoment);
        }
        Dispute.Claim claim = checkedClaim(request, asked);
        store.standingOf(request.id()).stream().findFirst().ifPresent(standing -> {
            throw new ConflictException("requestId", standing.open() ? "one-open-dispute" : "dispute-already-ruled",
                    request.id() + " is disputed in " + standing.id() + " (" + standing.status() + ")");
        });
        Dispute.Coordination coordination = coordinators.of(request).orElse(null);
        Dispute dispute = new Dispute(cases.number(), request.id(), request.applicantDepartment(),
                request.providerDepartment(), by.login(), cases.now(), claim, Dispute.Status.OPEN, null, null, null, false,
                false, List.of(), null, null, coordination, null, null, null, null, null);
        AuditEntry filed = cases.entry(AuditAction.DISPUTE_FILED, dispute.id());
        if (coordination != null) {
            filed = filed.with("coordinatingLevel", coordination.level()).with("coordinatingAuthority", coordination.authority());
        }
        return cases.open(dispute, this::insertOnly, filed
                .with("request", request.id()).with("provider", request.providerDepartment()).with("items", claim.items())
                .with("validUntil", String.valueOf(claim.validUntil()))
                .with("withoutAddedConditions", claim.withoutAddedConditions()).because(claim.grounds()),
                Map.of("requestNumber", request.id(), "resourceName", request.resourceName(),
                        "applicantDepartment", request.applicantDepartment(),
                        "providerDepartment", request.providerDepartment()));
    }

    /** A second open dispute of the same request breaks the table's unique constraint, whoever filed first. */
    private void insertOnly(Dispute dispute) {
        try {
            store.insert(dispute);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("requestId", "one-open-dispute", dispute.requestId() + " is disputed already");
        }
    }

    private Dispute.Claim checkedClaim(SharingRequest request, NewDispute asked) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (blank(asked.grounds())) {
            errors.add(new InvalidInputException.FieldError("grounds", "grounds-required",
                    "say why the refusal or the narrowing is wrong"));
        } else if (asked.grounds().length() > 4000) {
            errors.add(new InvalidInputException.FieldError("grounds", "too-long", "at most 4000 characters"));
        }
        List<String> outside = asked.items().stream().filter(i -> !request.items().contains(i)).toList();
        if (!outside.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("items", "claim-within-request",
                    outside + " were not asked for in " + request.id() + "; ask for some of " + request.items()));
        }
        checkPeriod(request, asked.validUntil(), "validUntil", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Dispute.Claim(asked.items().isEmpty() ? request.items() : asked.items(),
                asked.validUntil() == null ? request.validUntil() : asked.validUntil(), asked.withoutAddedConditions(),
                asked.grounds().strip());
    }

    private void checkPeriod(SharingRequest request, LocalDate until, String field,
                             List<InvalidInputException.FieldError> errors) {
        if (until != null && (until.isAfter(request.validUntil()) || until.isBefore(cases.today()))) {
            errors.add(new InvalidInputException.FieldError(field, "period-within-request",
                    "the last day lies between today and the request's last day " + request.validUntil()));
        }
    }

    // ---- steps of the dispute-coordination process ----

    /**
     * The authority asks both sides for written statements, due in the working-day deadline. The first step of the
     * process: it binds the dispute (named by the business key) to its process instance.
     *
     * @return what both sides and the authority are shown of the case
     */
    public String requestStatements(String processInstanceId, String disputeNumber) {
        Dispute dispute = cases.bind(processInstanceId, disputeNumber, Dispute::open);
        Instant due = cases.due(Deadline.DISPUTE_STATEMENT);
        store.setStatementDue(dispute.id(), due);
        cases.record(cases.entry(AuditAction.DISPUTE_STATEMENTS_REQUESTED, dispute.id())
                .with("statementDue", due.toString()));
        String subject = "争议协调 Dispute " + dispute.id() + ": your written statement by " + due;
        String body = dispute.applicantDepartment() + " disputes the answer to " + dispute.requestId() + " from "
                + dispute.providerDepartment() + "; the sharing authority asks for your statement";
        cases.send(statementWorkgroup(dispute, Dispute.Side.APPLICANT), "STATEMENT_REQUESTED", subject, body,
                dispute.id());
        cases.send(statementWorkgroup(dispute, Dispute.Side.PROVIDER), "STATEMENT_REQUESTED", subject, body,
                dispute.id());
        return caseSummary(require(dispute.id()));
    }

    /** The candidate group of a side's statement task: the applicant's APPLICANT or the provider's PROVIDER_REVIEWER. */
    public String statementWorkgroup(String processInstanceId, String side) {
        return statementWorkgroup(cases.ofProcess(processInstanceId), Dispute.Side.valueOf(side));
    }

    private String statementWorkgroup(Dispute dispute, Dispute.Side side) {
        return side == Dispute.Side.APPLICANT ? cases.workgroup(dispute.applicantDepartment(), Role.APPLICANT)
                : cases.workgroup(dispute.providerDepartment(), Role.PROVIDER_REVIEWER);
    }

    /** The statements' deadline, for the statement tasks' due dates and timers. */
    public Date statementDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).statementDue());
    }

    /** A side's written statement, checked (its own department, some text, once) and recorded. */
    public void recordStatement(String processInstanceId, Dispute.Side side, String text) {
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(dispute.departmentOf(side), "the " + side.name().toLowerCase() + "'s statement in "
                + dispute.id() + " is " + dispute.departmentOf(side) + "'s");
        if (blank(text)) {
            throw new InvalidInputException("statement", "statement-required", "write the statement");
        }
        if (text.length() > 4000) {
            throw new InvalidInputException("statement", "too-long", "at most 4000 characters");
        }
        store.setStatement(dispute.id(), side, new Dispute.Statement(actor.id(), cases.now(), text.strip()));
        cases.record(cases.entry(AuditAction.DISPUTE_STATEMENT_GIVEN, dispute.id()).with("side", side));
    }

    /** A side let the deadline pass: recorded, and the case goes on without its statement. */
    public void recordStatementMissed(String processInstanceId, Dispute.Side side) {
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        store.markMissed(dispute.id(), side);
        cases.record(cases.entry(AuditAction.STATEMENT_MISSED, dispute.id()).with("side", side)
                .with("department", dispute.departmentOf(side)).with("statementDue", dispute.statementDue().toString()));
        cases.send(cases.workgroups().authority(), "STATEMENT_MISSED", "未按期陈述 " + dispute.id() + ": no statement from "
                + dispute.departmentOf(side), "the deadline " + dispute.statementDue() + " passed; the case goes on without"
                + " it", dispute.id());
    }

    /** Both sides heard (or their deadline passed): the whole case, for the ruling task's form. */
    public String caseFile(String processInstanceId) {
        return caseSummary(cases.ofProcess(processInstanceId));
    }

    /**
     * The authority's ruling, checked against the stored dispute and request and recorded, with the meeting when
     * one was filled in.
     *
     * @return GRANT or UPHOLD, for the process
     */
    public String recordRuling(String processInstanceId, VariableScope form) {
        RulingInput input = RulingInput.fromTask(form, cases.zone());
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(), "a dispute is ruled by the sharing authority");
        SharingRequest request = requests.require(dispute.requestId());
        RulingDecision decision;
        try {
            decision = RulingDecision.valueOf(input.decision() == null ? "" : input.decision().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rulingDecision", "unknown-value", "rule GRANT_AS_ASKED, GRANT_IN_PART or UPHOLD");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (blank(input.reasons())) {
            errors.add(new InvalidInputException.FieldError("rulingReasons", "ruling-needs-reasons", "say why"));
        }
        List<String> items = List.of();
        LocalDate until = null;
        String conditions = null;
        if (decision == RulingDecision.GRANT_AS_ASKED) {
            items = dispute.claim().items();
            until = dispute.claim().validUntil();
            conditions = dispute.claim().withoutAddedConditions() || request.reply() == null ? null
                    : request.reply().addedConditions();
        } else if (decision == RulingDecision.GRANT_IN_PART) {
            List<String> outside = input.items().stream().filter(i -> !request.items().contains(i)).toList();
            if (input.items().isEmpty() || !outside.isEmpty()) {
                errors.add(new InvalidInputException.FieldError("rulingItems", "ruling-within-request",
                        "grant some of the items asked for: " + request.items()));
            }
            items = input.items();
            until = input.validUntil() == null ? dispute.claim().validUntil() : input.validUntil();
            checkPeriod(request, input.validUntil(), "rulingUntil", errors);
            conditions = blank(input.conditions()) ? null : input.conditions().strip();
        }
        if (decision.grants() && until != null && until.isBefore(cases.today())) {
            errors.add(new InvalidInputException.FieldError("rulingUntil", "period-within-request",
                    "the period asked for ended on " + until + "; grant a later last day in part, or uphold"));
        }
        if (input.meeting() != null && input.meeting().date() == null) {
            errors.add(new InvalidInputException.FieldError("meetingDate", "meeting-needs-date", "when was the meeting"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (input.meeting() != null) {
            addMeeting(dispute, actor, input.meeting());
        }
        Dispute.Ruling ruling = new Dispute.Ruling(decision, items, until, conditions, input.reasons().strip(), actor.id(),
                cases.now());
        store.setRuling(dispute.id(), ruling);
        cases.record(cases.entry(AuditAction.DISPUTE_RULED, dispute.id()).with("decision", decision)
                .with("items", items).with("validUntil", String.valueOf(until)).because(ruling.reasons()));
        return decision.grants() ? "GRANT" : "UPHOLD";
    }

    private void addMeeting(Dispute dispute, Actor actor, RulingInput.MeetingInput meeting) {
        if (meeting.date() == null || blank(meeting.attendees()) || blank(meeting.outcome())) {
            throw new InvalidInputException("meetingDate", "meeting-complete", "a meeting has a date, attendees and an outcome");
        }
        if (meeting.date().isAfter(cases.today()) || meeting.date().isBefore(dispute.filedAt().atZone(cases.zone()).toLocalDate())) {
            throw new InvalidInputException("meetingDate", "meeting-while-disputed", "a meeting held between the filing and today");
        }
        List<Dispute.Meeting> meetings = new ArrayList<>(dispute.meetings());
        meetings.add(new Dispute.Meeting(meeting.date(), meeting.attendees().strip(), meeting.outcome().strip(), actor.id(),
                cases.now()));
        store.setMeetings(dispute.id(), meetings);
        cases.record(cases.entry(AuditAction.DISPUTE_MEETING_RECORDED, dispute.id())
                .with("date", meeting.date().toString()).with("attendees", meeting.attendees().strip())
                .because(meeting.outcome().strip()));
    }

    /** A granting ruling issues its grant by itself, linked to the dispute, and the sealed ruling; both sides are told. */
    public void issueGrant(String processInstanceId) {
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        SharingRequest request = requests.require(dispute.requestId());
        Dispute.Ruling ruling = dispute.ruling();
        LocalDate from = request.validFrom().isAfter(cases.today()) ? request.validFrom() : cases.today();
        Grant grant = grants.issue(requests.grantTerms(request, ruling.items(), from, ruling.validUntil(),
                ruling.conditions(), GRANT_SOURCE, dispute.id()));
        store.close(dispute.id(), Dispute.Status.GRANTED, grant.id(), cases.now());
        requests.recordRulingGrant(request.id(), dispute.id(), grant.id());
        rulingDocument.issue(dispute, request, grant.id(), cases.zone());
        tellBothSides(dispute, "DISPUTE_GRANTED", "争议裁决：授权 " + dispute.id() + " ruled for the applicant",
                ruling.decision() + ": grant " + grant.id() + " of " + request.resourceName() + " " + ruling.items()
                        + " until " + ruling.validUntil() + ". " + ruling.reasons());
    }

    /** An upholding ruling: the refusal or narrowing stands, the sealed ruling is issued; both sides are told. */
    public void recordUpheld(String processInstanceId) {
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        store.close(dispute.id(), Dispute.Status.UPHELD, null, cases.now());
        rulingDocument.issue(dispute, requests.require(dispute.requestId()), null, cases.zone());
        tellBothSides(dispute, "DISPUTE_UPHELD", "争议裁决：维持 " + dispute.id() + " ruled for the provider",
                "the answer to " + dispute.requestId() + " stands. " + dispute.ruling().reasons());
    }

    void tellBothSides(Dispute dispute, String kind, String subject, String body) {
        cases.send(cases.workgroup(dispute.applicantDepartment(), Role.APPLICANT), kind, subject, body,
                dispute.id());
        cases.send(cases.workgroup(dispute.providerDepartment(), Role.PROVIDER_REVIEWER), kind, subject, body,
                dispute.id());
    }

    /** The applicant takes back an open dispute; the process ends wherever it was. */
    @Transactional
    public Dispute withdraw(Official by, String id) {
        return cases.withdraw(id, WITHDRAW_MESSAGE, dispute -> {
            if (!dispute.applicantDepartment().equals(by.department()) || !by.has(Role.APPLICANT)) {
                throw new AccessDeniedException("a dispute is withdrawn by the applicant department's APPLICANT officials");
            }
        }, Dispute::open);
    }

    /** The withdrawal, recorded by the process's event subprocess; the provider and the authority are told. */
    public void recordWithdrawal(String processInstanceId) {
        Dispute dispute = cases.ofProcess(processInstanceId);
        store.close(dispute.id(), Dispute.Status.WITHDRAWN, null, cases.now());
        cases.record(cases.entry(AuditAction.DISPUTE_WITHDRAWN, dispute.id()));
        cases.send(cases.workgroup(dispute.providerDepartment(), Role.PROVIDER_REVIEWER), "DISPUTE_WITHDRAWN",
                "争议已撤回 " + dispute.id() + " withdrawn", dispute.applicantDepartment() + " withdrew its dispute of "
                        + dispute.requestId(), dispute.id());
    }

    // ---- the platform API's doors to the tasks (Tasklist completes the same tasks) ----

    /** A side's statement through the API: the caller's department and role say which side. */
    @Transactional
    public Dispute giveStatement(Official by, String id, String text) {
        Dispute dispute = require(id);
        Dispute.Side side = sideOf(by, dispute, "statements");
        String taskKey = side == Dispute.Side.APPLICANT ? Steps.APPLICANT_STATEMENT : Steps.PROVIDER_STATEMENT;
        return cases.complete(dispute, taskKey, Map.of("statement", text == null ? "" : text),
                "does not wait for the " + side.name().toLowerCase() + "'s statement");
    }

    /**
     * The side an official speaks for: the applicant's APPLICANT or the provider's PROVIDER_REVIEWER officials.
     *
     * @param what what the sides do, for the refusal of anyone else, e.g. "statements"
     */
    static Dispute.Side sideOf(Official by, Dispute dispute, String what) {
        if (dispute.applicantDepartment().equals(by.department()) && by.has(Role.APPLICANT)) {
            return Dispute.Side.APPLICANT;
        }
        if (dispute.providerDepartment().equals(by.department()) && by.has(Role.PROVIDER_REVIEWER)) {
            return Dispute.Side.PROVIDER;
        }
        throw new AccessDeniedException(what + " in " + dispute.id() + " are given by " + dispute.applicantDepartment()
                + "'s APPLICANT and " + dispute.providerDepartment() + "'s PROVIDER_REVIEWER officials");
    }

    /** The authority rules through the API, with a meeting when one is given. */
    @Transactional
    public Dispute rule(Official by, String id, RulingInput input) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("a dispute is ruled by the sharing authority");
        }
        Dispute dispute = require(id);
        Map<String, Object> variables = new HashMap<>();
        variables.put("rulingDecision", input.decision());
        variables.put("rulingItems", String.join(",", input.items()));
        variables.put("rulingUntil", input.validUntil() == null ? null : input.validUntil().toString());
        variables.put("rulingConditions", input.conditions());
        variables.put("rulingReasons", input.reasons());
        RulingInput.MeetingInput meeting = input.meeting();
        variables.put("meetingDate", meeting == null || meeting.date() == null ? null : meeting.date().toString());
        variables.put("meetingAttendees", meeting == null ? null : meeting.attendees());
        variables.put("meetingOutcome", meeting == null ? null : meeting.outcome());
        return cases.complete(dispute, "Task_RuleDispute", variables, "does not wait for a ruling");
    }

    // ---- reading ----

    /** A dispute as its two departments and the authority see it; nobody else does. */
    public Dispute visibleTo(Official by, String id) {
        return cases.visibleTo(by, id, d -> d.applicantDepartment().equals(by.department())
                || d.providerDepartment().equals(by.department()), "a dispute is seen by its two departments and the authority");
    }

    /** Disputes the caller's department is party to; the authority sees all. */
    public List<Dispute> list(Official by, Dispute.Status status, int page, int size) {
        return store.list(by.has(Role.AUTHORITY) ? null : by.department(), status, page, size);
    }

    public Dispute require(String id) {
        return cases.require(id);
    }

    /** The sealed ruling as issued, for the dispute's two departments and the authority; 404 before the ruling. */
    public ResponseEntity<byte[]> ruling(Official by, String id) {
        return rulingDocument.download(visibleTo(by, id));
    }

    /** The whole case in words: the request, the answer disputed, the claim, both statements, the meetings. */
    private String caseSummary(Dispute d) {
        SharingRequest r = requests.require(d.requestId());
        Reply reply = r.reply();
        // asked about the answer, not the request's status: a ruling may have granted a refused request since
        String answer = reply == null || reply.decision() == ReplyDecision.REFUSE
                ? "拒绝 Refused: " + (reply == null ? "by the eligibility rules " + r.findings().stream()
                        .map(f -> f.citation() + ": " + f.message()).collect(Collectors.joining("; "))
                        : reply.reasons() + " (" + reply.legalBasis().law() + " " + reply.legalBasis().article() + ")")
                : "缩小范围 Narrowed: items " + reply.items() + " until " + reply.validUntil() + ", added conditions: "
                        + (blank(reply.addedConditions()) ? "—" : reply.addedConditions()) + "; " + reply.reasons();
        String text = String.join("\n",
                "争议 Dispute: " + d.id() + " filed by " + d.filedBy() + " (" + d.applicantDepartment() + ")",
                "申请 Request: " + r.id() + " " + r.resourceCode() + " " + r.resourceName() + " from " + r.providerDepartment(),
                "申请内容 Asked: items " + r.items() + ", " + r.validFrom() + " – " + r.validUntil() + ", purpose: " + r.purpose(),
                "答复 Answer disputed: " + answer,
                "争议请求 Claim: items " + d.claim().items() + " until " + d.claim().validUntil()
                        + (d.claim().withoutAddedConditions() ? ", without the added conditions" : ""),
                "理由 Grounds: " + d.claim().grounds(),
                "申请方陈述 Applicant's statement: " + statementText(d.applicantStatement(), d.applicantMissed()),
                "提供方陈述 Provider's statement: " + statementText(d.providerStatement(), d.providerMissed()),
                "协调会 Meetings: " + (d.meetings().isEmpty() ? "—" : d.meetings().stream()
                        .map(m -> m.date() + " (" + m.attendees() + "): " + m.outcome()).collect(Collectors.joining("; "))));
        return ProcessText.fit(text, "the dispute");
    }

    private static String statementText(Dispute.Statement statement, boolean missed) {
        if (statement != null) {
            return statement.text() + " (" + statement.by() + ")";
        }
        return missed ? "未按期提交 none by the deadline" : "待提交 not yet given";
    }
}
