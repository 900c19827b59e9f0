package org.govshare.request;

import org.camunda.bpm.engine.delegate.VariableScope;
import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogListing;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.ProcessText;
import org.govshare.platform.database.TransactionMemo;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.Decision;
import org.govshare.rules.Finding;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.dataset.HostedDatasets;
import org.govshare.provider.ProviderServices;
import org.govshare.rules.RuleBook;
import org.govshare.rules.eligibility.EligibilityCase;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing requests (Art. 17 to 20): an applicant department asks for a published resource; the eligibility rules
 * grant, refuse or send it to the provider's review; the provider replies within the working-day deadline, or the
 * authority escalates and may decide in its place. Owns the {@code sharing-request} process: every step of it is
 * one call here, and each step finds its request by process instance, never from a variable a task completion
 * could overwrite.
 */
@Service
public class SharingRequests {

    public static final String PROCESS = "sharing-request";
    public static final String DECISION = "eligibility";
    public static final String WITHDRAW_MESSAGE = "withdraw-sharing-request";
    static final CaseKind KIND = new CaseKind(PROCESS, "GX", "requestNumber", "sharing request", "sharing-request");

    private final RequestStore store;
    private final RequestValidator validator;
    private final Catalog catalog;
    private final DepartmentDirectory departments;
    private final RuleBook rules;
    private final Grants grants;
    private final ViolationRegister violations;
    private final Cases<SharingRequest> cases;
    private final RequestsProperties properties;
    private final ReplyTimers timers;
    private final ReplyDeadlines replyDeadlines;
    private final PackInForce pack;
    private final HostedDatasets datasets;
    private final ProviderServices services;
    /** The decisions taken in the current transaction, by process instance (the request row is locked since binding). */
    private final TransactionMemo<String, String> decidedHere = new TransactionMemo<>();

    SharingRequests(RequestStore store, RequestValidator validator, Catalog catalog, DepartmentDirectory departments,
                    RuleBook rules, Grants grants, ViolationRegister violations, CaseEngine engine, RequestsProperties properties,
                    PackInForce pack, HostedDatasets datasets, ProviderServices services, ReplyTimers timers,
                    ReplyDeadlines replyDeadlines) {
        this.store = store;
        this.validator = validator;
        this.catalog = catalog;
        this.departments = departments;
        this.rules = rules;
        this.grants = grants;
        this.violations = violations;
        this.cases = engine.cases(KIND, store.rows());
        this.properties = properties;
        this.pack = pack;
        this.datasets = datasets;
        this.services = services;
        this.timers = timers;
        this.replyDeadlines = replyDeadlines;
    }

    /** An applicant's request: checked, numbered, stored, and decided by the rules before this returns. */
    @Transactional
    public SharingRequest submit(Official by, NewRequest asked) {
        if (asked.applicantDepartment() != null && !asked.applicantDepartment().equals(by.department())) {
            throw new AccessDeniedException("an official asks for their own department (" + by.department() + ") only, not for "
                    + asked.applicantDepartment());
        }
        if (!by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("sharing requests are made by a department's APPLICANT officials");
        }
        Optional<CatalogListing> listing = asked.resourceCode() == null ? Optional.empty() : catalog.current(asked.resourceCode());
        List<InvalidInputException.FieldError> errors = validator.check(asked, listing, by.department());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CatalogListing resource = listing.orElseThrow();
        SharingRequest request = new SharingRequest(cases.number(), resource.code(), resource.version(),
                resource.entry().name(), resource.entry().providerDepartment(), by.department(), by.login(), cases.now(),
                List.copyOf(asked.items()), asked.purpose().strip(), asked.duty() == null ? new Duty(null, null) : asked.duty(),
                asked.scenario(), asked.validFrom(), asked.validUntil(), List.copyOf(asked.officials()),
                List.copyOf(asked.systems()), SharingRequest.Status.SUBMITTED, null, List.of(), null, null, null, null,
                null, false, false, null, null, null);
        return cases.open(request, this::insertUnlessOneIsOpen, cases.entry(AuditAction.REQUEST_SUBMITTED, request.id())
                .with("resource", request.resourceCode()).with("provider", request.providerDepartment())
                .with("items", request.items()).with("purpose", request.purpose()).with("scenario", request.scenario()),
                Map.of());
    }

    /** One open request per department and resource: the check and the insert are one statement. */
    private void insertUnlessOneIsOpen(SharingRequest request) {
        if (!store.insertUnlessOneIsOpen(request)) {
            String open = store.openRequestOf(request.applicantDepartment(), request.resourceCode()).orElse("?");
            throw new ConflictException("resourceCode", "one-open-request", request.applicantDepartment()
                    + " already has request " + open + " open for " + request.resourceCode()
                    + "; wait for its answer or withdraw it");
        }
    }

    // ---- steps of the sharing-request process ----

    /**
     * The eligibility rules decide; the decision, its reasons and the rule set's version are stored and audited. The
     * first step of the process: it binds the request (named by the business key the process was started with) to its
     * process instance, which every later step finds it by.
     */
    public Eligibility decide(String processInstanceId, String requestNumber) {
        SharingRequest request = cases.bind(processInstanceId, requestNumber,
                r -> r.status() == SharingRequest.Status.SUBMITTED);
        CatalogEntry resource = catalog.version(request.resourceCode(), request.resourceVersion()).content();
        Department applicant = departments.require(request.applicantDepartment());
        List<EligibilityCase.HeldGrant> held = grants.heldBy(request.applicantDepartment(), request.resourceCode()).stream()
                .map(g -> new EligibilityCase.HeldGrant(g.id(), g.items(), g.validUntil())).toList();
        EligibilityCase eligibilityCase = new EligibilityCase(
                new EligibilityCase.Resource(resource.code(), resource.name(), resource.providerDepartment(),
                        resource.sharingType(), resource.legalBasis() == null || !resource.legalBasis().cited() ? ""
                                : resource.legalBasis().law() + " " + resource.legalBasis().article(),
                        resource.items().stream().map(i -> new EligibilityCase.Item(i.name(), i.sensitivity())).toList(),
                        resource.conditions().stream().map(c -> new EligibilityCase.Condition(c.type(), c.value())).toList(),
                        datasets.currentVersion(resource.code()).isPresent() || services.registered(resource.code()),
                        resource.grade()),
                new EligibilityCase.Request(request.items(), request.purpose(), request.duty().citation(),
                        request.scenario().name(), request.validFrom(), request.validUntil()),
                new EligibilityCase.Applicant(applicant.code(), applicant.tier(), applicant.regionCode(), applicant.kind()),
                held);
        Decision decision = rules.decide(DECISION, eligibilityCase.facts());
        Decision.Verdict verdict = decision.verdict();
        String replyDeadline = shortest(decision.replyDeadlines()).orElse(null);
        store.setDecision(request.id(), verdict, decision.findings(), rules.version(), replyDeadline);
        decidedHere.current().put(processInstanceId, verdict.name());
        AuditEntry decided = cases.entry(AuditAction.REQUEST_DECIDED, request.id())
                .with("decision", verdict).with("rules", decision.findings().stream().map(Finding::citation).toList())
                .with("ruleSetVersion", rules.version());
        cases.record(replyDeadline == null ? decided : decided.with("replyDeadline", replyDeadline));
        // what the reviewer (or a head, or the authority, before the provider) is shown in Tasklist goes into the
        // process only when a task will show it: a request the rules settle at once writes no such variables (each is
        // a runtime row and two history rows), and Cockpit lists only running instances by their variables
        boolean looked = verdict == Decision.Verdict.REVIEW || verdict == Decision.Verdict.GRANT
                && (pack.on(OptionalStep.REQUESTER_HEAD_APPROVAL) || pack.on(OptionalStep.AUTHORITY_CONFORMITY_CHECK));
        return new Eligibility(verdict.name(), looked ? Map.of("resourceName", request.resourceName(),
                "applicantDepartment", request.applicantDepartment(), "providerDepartment", request.providerDepartment(),
                "reasonsSummary", summary(decision.findings()), "requestSummary", requestSummary(request, resource))
                : Map.of());
    }

    /** Of the reply deadlines the rules chose, the one with the fewest working days: the applicant's due. */
    private Optional<String> shortest(List<String> keys) {
        return keys.stream().min(java.util.Comparator.comparingInt(k -> pack.workingDays(k).orElse(Integer.MAX_VALUE)));
    }

    /**
     * The request reaches the provider: the reply period starts now (Art. 21: from receipt), on the deadline the rules
     * chose or {@code sharing-request-reply}, and the provider's reviewers are told.
     */
    public void sendToProvider(String processInstanceId) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        Instant due = request.replyDeadline() == null ? cases.due(Deadline.SHARING_REQUEST_REPLY)
                : cases.workdays().due(request.replyDeadline(), cases.now());
        Instant reminder = cases.workdays().before(due, properties.reminderWorkingDays());
        store.sendToProvider(request.id(), due, reminder);
        cases.send(cases.workgroup(request.providerDepartment(), Role.PROVIDER_REVIEWER), "REVIEW_REQUESTED", "待审核共享申请 Request " + request.id()
                + " awaits your review", request.applicantDepartment() + " asks for " + request.resourceName()
                + "; reply by " + due, request.id());
    }

    /** What the rules decided, as stored: the process routes on this after the steps before the provider. */
    public String eligibility(String processInstanceId) {
        // routed in the transaction that decided (no wait between): the row holds what the decision just wrote
        String decided = decidedHere.current().get(processInstanceId);
        return decided != null ? decided : cases.ofProcess(processInstanceId).eligibility().name();
    }

    // ---- the steps a pack may turn on around the provider's review (national Art. 20; Jincheng 2024) ----

    /** The candidate group of the applicant's approval: its DEPARTMENT_HEAD officials (head of the sharing office). */
    public String requesterHeads(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).applicantDepartment(), Role.DEPARTMENT_HEAD);
    }

    /** The candidate group of the reply's approval: the provider's DEPARTMENT_HEAD officials. */
    public String providerHeads(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).providerDepartment(), Role.DEPARTMENT_HEAD);
    }

    /** The request waits for its own head's approval before it is sent (Art. 20); the heads are told. */
    public void askRequesterHead(String processInstanceId) {
        SharingRequest request = waitFor(processInstanceId, SharingRequest.Status.AWAITING_APPROVAL);
        cases.send(cases.workgroup(request.applicantDepartment(), Role.DEPARTMENT_HEAD), "REQUEST_APPROVAL_REQUESTED",
                "待审批共享申请 Request " + request.id() + " awaits your approval", request.requestedBy() + " asks "
                        + request.providerDepartment() + " for " + request.resourceName() + "; it is sent once you approve",
                request.id());
    }

    /** The authority checks the request for conformity before the provider sees it; the authority is told. */
    public void askAuthority(String processInstanceId) {
        SharingRequest request = waitFor(processInstanceId, SharingRequest.Status.CONFORMITY_CHECK);
        cases.send(cases.workgroups().authority(), "CONFORMITY_CHECK_REQUESTED", "待合规审查 Request " + request.id()
                + " awaits your check", request.applicantDepartment() + " asks " + request.providerDepartment() + " for "
                + request.resourceName(), request.id());
    }

    /** The reviewer's reply waits for the provider's head (Art. 20); the heads are told. */
    public void askProviderHead(String processInstanceId) {
        SharingRequest request = waitFor(processInstanceId, SharingRequest.Status.REPLY_AWAITING_APPROVAL);
        cases.send(cases.workgroup(request.providerDepartment(), Role.DEPARTMENT_HEAD), "REPLY_APPROVAL_REQUESTED",
                "待审批答复 The reply to " + request.id() + " awaits your approval", "your reviewer answered "
                        + request.reply().decision() + "; the reply is due by " + request.replyDue(), request.id());
    }

    private SharingRequest waitFor(String processInstanceId, SharingRequest.Status status) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        store.setStatus(request.id(), status);
        return request;
    }

    /**
     * The provider's head approves inside the reply period: within {@code provider-head-approval} working days of the
     * reply, and never after the reply is due (the deadline is met when the head approves).
     */
    public Date replyApprovalDue(String processInstanceId) {
        Instant replyDue = cases.ofProcess(processInstanceId).replyDue();
        Instant own = cases.due(Deadline.PROVIDER_HEAD_APPROVAL);
        return Date.from(own.isBefore(replyDue) ? own : replyDue);
    }

    /**
     * The applicant's head decides: APPROVE sends the request on, REFUSE (with reasons) ends it unsent.
     *
     * @return APPROVE or REFUSE, for the process
     */
    public String recordRequesterApproval(String processInstanceId, VariableScope form) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(request.applicantDepartment(), "a request is approved by the head of "
                + request.applicantDepartment() + "'s sharing office");
        ApprovalStep.Approval approval = ApprovalStep.REQUESTER_HEAD.read(form);
        checkStatus(request, SharingRequest.Status.AWAITING_APPROVAL, ApprovalStep.REQUESTER_HEAD);
        cases.record(cases.entry(AuditAction.REQUEST_REQUESTER_HEAD_DECIDED, request.id())
                .with("decision", approval.decision()).with("head", actor.id()).because(approval.reasons()));
        if (!approval.approved()) {
            cases.send(request.requestedBy(), "REQUEST_NOT_APPROVED", "未获本单位审批 " + request.id()
                    + " is not sent: your head of the sharing office refused it", approval.reasons(), request.id());
        }
        return approval.decision();
    }

    /**
     * The authority's conformity check: PASS sends the request on, FAIL (with reasons) ends it unsent.
     *
     * @return PASS or FAIL, for the process
     */
    public String recordConformity(String processInstanceId, VariableScope form) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        cases.actorOf(cases.workgroups().authorityDepartment(), "a request's conformity is checked by the sharing authority");
        ApprovalStep.Approval approval = ApprovalStep.CONFORMITY.read(form);
        checkStatus(request, SharingRequest.Status.CONFORMITY_CHECK, ApprovalStep.CONFORMITY);
        cases.record(cases.entry(AuditAction.REQUEST_CONFORMITY_CHECKED, request.id())
                .with("decision", approval.decision()).because(approval.reasons()));
        if (!approval.approved()) {
            cases.send(request.requestedBy(), "REQUEST_NOT_CONFORMING", "未通过合规审查 " + request.id()
                    + " is not sent: the sharing authority found it not conforming", approval.reasons(), request.id());
        }
        return approval.decision();
    }

    /**
     * The provider's head decides on the reviewer's reply: APPROVE lets it take effect, RETURN (with reasons) sends
     * it back to the reviewers, the reply withdrawn and the reply period still running.
     *
     * @return GRANT or REFUSE (the approved reply's outcome) or RETURN, for the process
     */
    public String recordReplyApproval(String processInstanceId, VariableScope form) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(request.providerDepartment(), "the reply to " + request.id() + " is approved by the head of "
                + request.providerDepartment());
        ApprovalStep.Approval approval = ApprovalStep.PROVIDER_HEAD.read(form);
        checkStatus(request, SharingRequest.Status.REPLY_AWAITING_APPROVAL, ApprovalStep.PROVIDER_HEAD);
        cases.record(cases.entry(AuditAction.REQUEST_PROVIDER_HEAD_DECIDED, request.id())
                .with("decision", approval.decision()).with("head", actor.id())
                .with("reply", request.reply().decision()).because(approval.reasons()));
        if (!approval.approved()) {
            store.setReply(request.id(), null);
            store.setStatus(request.id(), SharingRequest.Status.IN_REVIEW);
            cases.send(cases.workgroup(request.providerDepartment(), Role.PROVIDER_REVIEWER), "REPLY_RETURNED",
                    "退回答复 The reply to " + request.id() + " is returned", approval.reasons() + "; reply by "
                            + request.replyDue(), request.id());
            return "RETURN";
        }
        return request.reply().grants() ? "GRANT" : "REFUSE";
    }

    private static void checkStatus(SharingRequest request, SharingRequest.Status expected, ApprovalStep step) {
        if (request.status() != expected) {
            throw new ConflictException(step.decisionKey(), "decide-while-waiting", request.id() + " is "
                    + request.status() + " and " + step.notWaiting());
        }
    }

    /**
     * A request the applicant's head refused, or the authority found not conforming, ends unsent (the applicant was
     * told why when the decision was recorded): the provider never saw it, so it is no refusal of the provider's.
     */
    public void endUnsent(String processInstanceId) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        store.close(request.id(), request.status() == SharingRequest.Status.CONFORMITY_CHECK
                ? SharingRequest.Status.NOT_CONFORMING : SharingRequest.Status.REFUSED_BY_REQUESTER_HEAD, null, cases.now());
    }

    /**
     * What the rules decided, for the process: the decision, and the variables a task will show (none when no task
     * will).
     */
    public record Eligibility(String decision, Map<String, Object> shown) {
    }

    /** The candidate group of the review task: the provider's PROVIDER_REVIEWER officials. */
    public String providerWorkgroup(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).providerDepartment(), Role.PROVIDER_REVIEWER);
    }

    /** The reply deadline, for the review task's due date and its timer. */
    public Date replyDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).replyDue());
    }

    /** When the reviewer is reminded, for the reminder timer. */
    public Date reminderAt(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).reminderAt());
    }

    /**
     * The provider's reply, checked against the stored request (the form is a convenience, this is the rule) and
     * recorded. Only the provider's officials reply.
     *
     * @return GRANT or REFUSE, for the process
     */
    public String recordProviderReply(String processInstanceId, VariableScope form) {
        ReplyInput input = ReplyInput.fromTask(form, "replyDecision", cases.zone());
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(request.providerDepartment(), "the reply to " + request.id() + " is "
                + request.providerDepartment() + "'s");
        return recordReply(request, Reply.By.PROVIDER, actor, input, "replyDecision");
    }

    /**
     * The authority's escalation decision after the deadline passed: URGE the provider (who keeps the task), or
     * decide in its place with reasons.
     *
     * @return URGE, GRANT or REFUSE, for the process
     */
    public String recordEscalation(String processInstanceId, VariableScope form) {
        ReplyInput input = ReplyInput.fromTask(form, "escalationDecision", cases.zone());
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(), "an overdue request is escalated by the sharing authority");
        if ("URGE".equals(input.decision())) {
            if (blank(input.reasons())) {
                throw new InvalidInputException("replyReasons", "urge-needs-message", "tell the provider what to do and by when");
            }
            cases.send(cases.workgroup(request.providerDepartment(), Role.PROVIDER_REVIEWER), "URGED",
                    "督办 The authority urges a reply to " + request.id(), input.reasons().strip(), request.id());
            cases.record(cases.entry(AuditAction.REQUEST_ESCALATION_DECIDED, request.id())
                    .with("decision", "URGE").because(input.reasons().strip()));
            return "URGE";
        }
        String outcome = recordReply(request, Reply.By.AUTHORITY, actor, input, "escalationDecision");
        cases.record(cases.entry(AuditAction.REQUEST_ESCALATION_DECIDED, request.id())
                .with("decision", input.decision()).because(input.reasons().strip()));
        return outcome;
    }

    private String recordReply(SharingRequest request, Reply.By by, Actor actor, ReplyInput input, String decisionField) {
        // the authority decides in the provider's place also while a late reply waits for the provider's head
        boolean awaited = request.status() == SharingRequest.Status.IN_REVIEW || by == Reply.By.AUTHORITY
                && request.status() == SharingRequest.Status.REPLY_AWAITING_APPROVAL;
        if (!awaited) {
            throw new ConflictException("status", "reply-in-review-only", request.id() + " is " + request.status());
        }
        Reply reply = checkedReply(request, by, actor, input, decisionField);
        store.setReply(request.id(), reply);
        cases.record(cases.entry(AuditAction.REQUEST_REPLIED, request.id()).with("by", by)
                .with("decision", reply.decision()).with("items", reply.items())
                .with("validUntil", reply.validUntil() == null ? null : reply.validUntil().toString())
                .because(reply.reasons()));
        return reply.grants() ? "GRANT" : "REFUSE";
    }

    private Reply checkedReply(SharingRequest request, Reply.By by, Actor actor, ReplyInput input, String decisionField) {
        if ("REFUSE".equals(input.decision()) && input.reasonCode() == RefusalReason.MISSING_MATERIALS
                && pack.on(OptionalStep.MATERIALS_SUPPLEMENT)) {
            throw new ConflictException("reasonCode", "no-refusal-for-missing-materials", "under " + pack.get().name()
                    + " a request is not refused for missing materials (Art. 21): list everything missing in one notice,"
                    + " POST /api/requests/" + request.id() + "/missing-materials, and review the supplement");
        }
        ReplyDecision decision;
        try {
            decision = ReplyDecision.valueOf(input.decision() == null ? "" : input.decision().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(decisionField, "unknown-value", "decide one of "
                    + (by == Reply.By.AUTHORITY ? "URGE, " : "") + "APPROVE, NARROW or REFUSE");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String reasons = blank(input.reasons()) ? null : input.reasons().strip();
        if (decision != ReplyDecision.APPROVE && reasons == null) {
            errors.add(new InvalidInputException.FieldError("replyReasons", "reply-needs-reasons",
                    "say why the request is " + (decision == ReplyDecision.REFUSE ? "refused" : "narrowed")));
        }
        CatalogEntry.LegalBasis basis = null;
        if (decision == ReplyDecision.REFUSE) {
            basis = new CatalogEntry.LegalBasis(input.legalBasisLaw(), input.legalBasisArticle());
            if (!basis.cited()) {
                errors.add(new InvalidInputException.FieldError("refusalLaw", "refusal-cites-legal-basis",
                        "a refusal cites the law or regulation and the article it rests on (Art. 17)"));
            }
        }
        List<String> items = request.items();
        LocalDate until = request.validUntil();
        String added = blank(input.addedConditions()) ? null : input.addedConditions().strip();
        if (decision == ReplyDecision.NARROW) {
            if (!input.items().isEmpty()) {
                List<String> outside = input.items().stream().filter(i -> !request.items().contains(i)).toList();
                if (!outside.isEmpty()) {
                    errors.add(new InvalidInputException.FieldError("replyItems", "narrow-within-request",
                            outside + " were not asked for; grant some of " + request.items()));
                }
                items = input.items().stream().distinct().toList();
            }
            if (input.validUntil() != null) {
                if (input.validUntil().isAfter(request.validUntil()) || input.validUntil().isBefore(request.validFrom())) {
                    errors.add(new InvalidInputException.FieldError("replyUntil", "narrow-within-request",
                            "the last day granted lies between " + request.validFrom() + " and " + request.validUntil()));
                }
                until = input.validUntil();
            }
            boolean narrows = items.size() < request.items().size() || until.isBefore(request.validUntil()) || added != null;
            if (errors.isEmpty() && !narrows) {
                errors.add(new InvalidInputException.FieldError("replyItems", "narrow-changes-something",
                        "narrowing grants fewer items, a shorter period or adds conditions; otherwise APPROVE"));
            }
        }
        if (decision != ReplyDecision.REFUSE && !(input.unmask().isEmpty() && input.verify().isEmpty())) {
            CatalogEntry resource = catalog.version(request.resourceCode(), request.resourceVersion()).content();
            List<String> granted = items;
            List<String> wrong = input.unmask().stream().filter(i -> !granted.contains(i) || !sensitive(resource, i)).toList();
            if (!wrong.isEmpty()) {
                errors.add(new InvalidInputException.FieldError("replyUnmask", "unmask-sensitive-granted-items",
                        wrong + " are not personal or commercial-secret items granted here; only those are masked"));
            }
            List<String> notMasked = input.verify().stream()
                    .filter(i -> !granted.contains(i) || !sensitive(resource, i) || input.unmask().contains(i)).toList();
            if (!notMasked.isEmpty()) {
                errors.add(new InvalidInputException.FieldError("replyVerify", "verification-key-masked-granted-item",
                        notMasked + " are not granted masked here; a verification key lets a consumer match a masked"
                                + " item it cannot read, and an unmasked item can be filtered on as it is (Art. 19)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return decision == ReplyDecision.REFUSE
                ? new Reply(by, actor.id(), cases.now(), decision, List.of(), null, null, basis, reasons, List.of(), List.of())
                : new Reply(by, actor.id(), cases.now(), decision, items, until, added, null, reasons,
                        input.unmask().stream().distinct().toList(), input.verify().stream().distinct().toList());
    }

    private static boolean sensitive(CatalogEntry resource, String item) {
        return resource.items().stream().anyMatch(d -> d.name().equals(item) && d.sensitivity().masked());
    }

    /** Two working days before the deadline: the reviewers are reminded. */
    public void remind(String processInstanceId) {
        SharingRequest request = cases.ofProcess(processInstanceId);
        store.markReminded(request.id());
        cases.send(cases.workgroup(request.providerDepartment(), Role.PROVIDER_REVIEWER), "REPLY_REMINDER",
                "即将到期 Reply to " + request.id() + " due " + request.replyDue(), request.applicantDepartment()
                        + " awaits your reply about " + request.resourceName() + "; the deadline is " + request.replyDue(),
                request.id());
        cases.record(cases.entry(AuditAction.REQUEST_REPLY_REMINDED, request.id())
                .with("replyDue", request.replyDue().toString()));
    }

    /** The deadline passed without a reply: a "delayed reply" violation (Art. 33 iii), and the authority escalates. */
    public void recordDelayedReply(String processInstanceId) {
        SharingRequest request = cases.ofProcess(processInstanceId);
        store.markOverdue(request.id());
        violations.recordDetected(request.providerDepartment(), ViolationType.DELAYED_REPLY, "no reply to sharing request "
                        + request.id() + " from " + request.applicantDepartment() + " by its deadline " + request.replyDue(),
                KIND.objectType(), request.id(), request.replyDue());
        cases.record(cases.entry(AuditAction.REQUEST_REPLY_OVERDUE, request.id())
                .with("provider", request.providerDepartment()).with("replyDue", request.replyDue().toString()));
        cases.send(cases.workgroups().authority(), "REPLY_OVERDUE", "逾期未答复 " + request.id() + " is overdue",
                request.providerDepartment() + " did not reply by " + request.replyDue() + ": urge it or decide",
                request.id());
    }

    /** The grant the decision allows: as asked, or as the reply narrowed it. */
    public void issueGrant(String processInstanceId) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        Reply reply = request.reply();
        Grant grant = grants.issue(reply == null
                ? grantTerms(request, request.items(), request.validFrom(), request.validUntil(), null,
                        Grants.SOURCE_REQUEST, request.id())
                : grantTerms(request, reply.items(), request.validFrom(), reply.validUntil(), reply.addedConditions(),
                        Grants.SOURCE_REQUEST, request.id()));
        store.close(request.id(), SharingRequest.Status.GRANTED, grant.id(), cases.now());
        cases.record(cases.entry(AuditAction.REQUEST_GRANTED, request.id()).with("grant", grant.id())
                .with("by", reply == null ? "RULES" : reply.by().name()));
        cases.send(request.requestedBy(), "REQUEST_GRANTED", "已授权 " + request.id() + " granted",
                "grant " + grant.id() + " for " + request.resourceName() + " until " + grant.validUntil(), request.id());
    }

    /**
     * The terms of a grant a decision on this request issues (its own, or a dispute ruling's): the request's parties,
     * purpose, duty and users; the items and period decided; the resource's conditions with those the decision added;
     * and, of the items granted, those the provider's reply unmasked or made matchable.
     */
    public NewGrant grantTerms(SharingRequest request, List<String> items, LocalDate from, LocalDate until,
                               String addedConditions, String sourceType, String sourceId) {
        String resourceConditions = catalog.version(request.resourceCode(), request.resourceVersion()).content()
                .sharingConditions();
        String conditions = Stream.of(resourceConditions, addedConditions).filter(s -> !blank(s))
                .collect(Collectors.joining("; "));
        Reply reply = request.reply();
        return new NewGrant(request.applicantDepartment(), request.providerDepartment(), request.resourceCode(),
                request.resourceName(), items, request.purpose(), request.duty().citation(), conditions,
                request.officials(), request.systems(), from, until, sourceType, sourceId,
                reply == null ? List.of() : reply.unmaskedItems().stream().filter(items::contains).toList(),
                reply == null ? List.of() : reply.verificationKeys().stream().filter(items::contains).toList());
    }

    /**
     * A dispute ruling granted what this request's answer refused: the request now reads OVERTURNED with the
     * ruling's grant, so that whoever reads it sees the outcome. A narrowed request keeps its own grant, and the
     * ruling's grant is found by its source.
     */
    public void recordRulingGrant(String requestId, String disputeId, String grantId) {
        SharingRequest request = cases.locked(requestId);
        if (request.status() == SharingRequest.Status.REFUSED) {
            store.overturn(request.id(), grantId);
            cases.record(cases.entry(AuditAction.REQUEST_GRANTED, request.id()).with("grant", grantId)
                    .with("by", "DISPUTE").with("dispute", disputeId));
        }
    }

    /** The request ends refused, with its reasons for the applicant. */
    public void refuse(String processInstanceId) {
        SharingRequest request = cases.lockedOfProcess(processInstanceId);
        String reasons = request.reply() != null
                ? request.reply().reasons() + " (" + request.reply().legalBasis().law() + " " + request.reply().legalBasis().article() + ")"
                : request.findings().stream().filter(f -> f.severity() == Finding.Severity.REFUSAL)
                        .map(f -> f.citation() + ": " + f.message()).collect(Collectors.joining("; "));
        store.close(request.id(), SharingRequest.Status.REFUSED, null, cases.now());
        cases.record(cases.entry(AuditAction.REQUEST_REFUSED, request.id()).because(reasons)
                .with("by", request.reply() == null ? "RULES" : request.reply().by().name()));
        cases.send(request.requestedBy(), "REQUEST_REFUSED", "未获授权 " + request.id() + " refused", reasons,
                request.id());
    }

    /** The applicant takes back an open request; the process ends wherever it was. */
    @Transactional
    public SharingRequest withdraw(Official by, String id) {
        return cases.withdraw(id, WITHDRAW_MESSAGE, request -> {
            if (!request.applicantDepartment().equals(by.department()) || !by.has(Role.APPLICANT)) {
                throw new AccessDeniedException("a request is withdrawn by its own department's APPLICANT officials");
            }
        }, SharingRequest::open);
    }

    /** The withdrawal, recorded by the process's event subprocess. */
    public void recordWithdrawal(String processInstanceId) {
        SharingRequest request = cases.ofProcess(processInstanceId);
        store.close(request.id(), SharingRequest.Status.WITHDRAWN, null, cases.now());
        cases.record(cases.entry(AuditAction.REQUEST_WITHDRAWN, request.id()));
    }

    // ---- the platform API's doors to the tasks (Tasklist completes the same tasks) ----

    /** The provider's reviewer answers through the API. */
    @Transactional
    public SharingRequest reply(Official by, String id, ReplyInput input) {
        SharingRequest request = require(id);
        if (!request.providerDepartment().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("requests for " + request.providerDepartment() + "'s resources are answered by its"
                    + " PROVIDER_REVIEWER officials");
        }
        return completeTask(request, "Task_ReviewRequest", "replyDecision", input);
    }

    /** The authority decides an escalated request through the API. */
    @Transactional
    public SharingRequest escalate(Official by, String id, ReplyInput input) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("overdue requests are escalated by the sharing authority");
        }
        return completeTask(require(id), "Task_EscalateRequest", "escalationDecision", input);
    }

    /**
     * A decision on a step before or after the provider's review, through the API: the applicant's head
     * (requester-approval), the authority (conformity), the provider's head (reply-approval). Refused while the pack
     * in force does not turn the step on, and by anyone but that department's head or the authority.
     */
    @Transactional
    public SharingRequest decideStep(Official by, String id, ApprovalStep step, String decision, String reasons) {
        if (!pack.on(step.step())) {
            throw new ConflictException("pack", "step-off", "the rule pack " + pack.nameAndVersion() + " does not turn on "
                    + step.step().key() + ", so no request waits for it");
        }
        SharingRequest request = require(id);
        String department = switch (step) {
            case REQUESTER_HEAD -> request.applicantDepartment();
            case PROVIDER_HEAD -> request.providerDepartment();
            case CONFORMITY -> cases.workgroups().authorityDepartment();
        };
        if (!department.equals(by.department()) || !by.has(step.role())) {
            throw new AccessDeniedException(step == ApprovalStep.CONFORMITY ? "a request's conformity is checked by the"
                    + " sharing authority" : step.step().key() + " of " + id + " is decided by " + department
                    + "'s DEPARTMENT_HEAD officials");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(step.decisionKey(), decision);
        variables.put(step.reasonsKey(), reasons);
        return cases.complete(request, step.taskKey(), variables, step.notWaiting());
    }

    private SharingRequest completeTask(SharingRequest request, String taskKey, String decisionVariable, ReplyInput input) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(decisionVariable, input.decision());
        variables.put("replyItems", String.join(",", input.items()));
        variables.put("replyUntil", input.validUntil() == null ? null : input.validUntil().toString());
        variables.put("replyConditions", input.addedConditions());
        variables.put("refusalLaw", input.legalBasisLaw());
        variables.put("refusalArticle", input.legalBasisArticle());
        variables.put("replyReasons", input.reasons());
        variables.put("replyUnmask", String.join(",", input.unmask()));
        variables.put("replyVerify", String.join(",", input.verify()));
        variables.put("reasonCode", input.reasonCode() == null ? null : input.reasonCode().name());
        return cases.complete(request, taskKey, variables,
                taskKey.equals("Task_ReviewRequest") ? "does not wait for a reply" : "is not escalated");
    }

    // ---- the reply deadline as the extension and the materials notice move it (national Art. 21) ----

    /**
     * Whether the request waits for its provider's reply: in review, unanswered, its review task open and its
     * deadline still ahead. Only then can the deadline be moved.
     */
    public boolean awaitsReply(SharingRequest request) {
        return request.status() == SharingRequest.Status.IN_REVIEW && request.reply() == null && !request.overdue()
                && request.replyDue() != null && cases.now().isBefore(request.replyDue())
                && timers.reviewing(request.processInstanceId());
    }

    /**
     * Moves the reply deadline of a request that waits for its reply ({@link ReplyDeadlines}: the stored deadline,
     * the reminder, the review task's due date and its timers, audited), once {@link #awaitsReply} says it may.
     */
    public SharingRequest moveReplyDue(String requestId, Instant newDue, String why) {
        SharingRequest request = cases.require(requestId);
        if (!awaitsReply(request)) {
            throw new ConflictException("status", "reply-awaited-only", request.id() + " is " + request.status()
                    + (request.overdue() ? ", overdue," : "") + " and does not wait for a reply: its deadline stays");
        }
        return replyDeadlines.moveReplyDue(requestId, newDue, why);
    }

    /**
     * The applicant did not supplement the materials in time (national Art. 21): the request ends LAPSED wherever its
     * process waits; whoever ended it tells the parties.
     */
    public SharingRequest lapse(String requestId, String why) {
        SharingRequest request = cases.locked(requestId);
        if (request.status() != SharingRequest.Status.IN_REVIEW) {
            throw new ConflictException("status", "lapse-in-review-only", request.id() + " is " + request.status());
        }
        store.close(request.id(), SharingRequest.Status.LAPSED, null, cases.now());
        timers.end(request.processInstanceId(), why);
        cases.record(cases.entry(AuditAction.REQUEST_LAPSED, request.id()).because(why));
        return require(request.id());
    }

    // ---- reading ----

    /** A request as its applicant department, its provider department or the authority sees it. */
    public SharingRequest visibleTo(Official by, String id) {
        return cases.visibleTo(by, id, r -> r.applicantDepartment().equals(by.department())
                || r.providerDepartment().equals(by.department()), "a request is seen by its applicant, its provider and the authority");
    }

    /** Requests on one side of the caller's department; the authority may leave the side out and see all. */
    public List<SharingRequest> list(Official by, String side, SharingRequest.Status status, int page, int size) {
        String column = side == null ? null : switch (side) {
            case "applicant" -> "applicant_department";
            case "provider" -> "provider_department";
            default -> throw new InvalidInputException("side", "unknown-value", "side is applicant or provider");
        };
        if (column == null && !by.has(Role.AUTHORITY)) {
            column = "applicant_department";
        }
        return store.list(column, by.department(), status, page, size);
    }

    public SharingRequest require(String id) {
        return cases.require(id);
    }

    /**
     * The request, locked until the transaction ends: the steps taken beside its review (a notice of missing
     * materials, an extension) take their turns, so that each sees what the other did.
     */
    public SharingRequest locked(String id) {
        return cases.locked(id);
    }

    private static String requestSummary(SharingRequest r, CatalogEntry resource) {
        String items = r.items().stream().map(i -> i + " [" + resource.items().stream().filter(d -> d.name().equals(i))
                .map(d -> String.valueOf(d.sensitivity())).findFirst().orElse("?") + "]").collect(Collectors.joining(", "));
        return ProcessText.fit(String.join("\n",
                "申请单位 Applicant: " + r.applicantDepartment() + " (" + r.requestedBy() + ")",
                "资源 Resource: " + r.resourceCode() + " " + r.resourceName() + " (version " + r.resourceVersion() + ", "
                        + resource.sharingType() + ")",
                "共享条件 Conditions: " + (blank(resource.sharingConditions()) ? "—" : resource.sharingConditions()),
                "数据项 Items: " + items,
                "用途 Purpose: " + r.purpose(),
                "法定职责 Duty: " + (r.duty().cited() ? r.duty().citation() : "—"),
                "场景 Scenario: " + r.scenario(),
                "期限 Period: " + r.validFrom() + " – " + r.validUntil(),
                "使用人 Officials: " + (r.officials().isEmpty() ? "—" : String.join(", ", r.officials())),
                "使用系统 Systems: " + (r.systems().isEmpty() ? "—" : String.join(", ", r.systems()))), "the request");
    }

    private static String summary(List<Finding> findings) {
        return ProcessText.fit(findings.isEmpty() ? "无 None" : findings.stream()
                .map(f -> "• [" + f.severity() + "] " + f.citation() + ": " + f.message()).collect(Collectors.joining("\n")), "the request");
    }

}
