package org.govshare.request.period;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
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
import org.govshare.request.SharingRequest;
import org.govshare.request.SharingRequests;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's one extension of a reply period (national Art. 21, step {@code reply-extension}): asked with reasons
 * while the request waits for the reply, for at most the pack's {@code reply-extension} working days; the sharing
 * authority approves or refuses it in the {@code reply-extension} process by {@code reply-extension-decision}
 * working days (and never after the deadline it would move); approved, the reply deadline moves by the working days
 * asked, counted from the deadline as it stood. The applicant is told either way. Each step finds its extension by
 * process instance.
 */
@Service
public class ReplyExtensions {

    public static final String PROCESS = "reply-extension";
    static final CaseKind KIND = new CaseKind(PROCESS, null, "requestNumber", "reply extension", "sharing-request");

    private final ReplyExtensionStore store;
    private final MaterialsNoticeStore notices;
    private final SharingRequests requests;
    private final PackInForce pack;
    private final Cases<ReplyExtension> cases;

    ReplyExtensions(ReplyExtensionStore store, MaterialsNoticeStore notices, SharingRequests requests, PackInForce pack,
                    CaseEngine engine) {
        this.store = store;
        this.notices = notices;
        this.requests = requests;
        this.pack = pack;
        this.cases = engine.cases(KIND, store.rows());
    }

    /** The provider's reviewer asks; the authority's task opens before this returns. */
    @Transactional
    public ReplyExtension ask(Official by, String requestId, Integer workingDays, String reasons) {
        pack.require(OptionalStep.REPLY_EXTENSION);
        SharingRequest request = requests.locked(requestId);
        if (!request.providerDepartment().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("an extension of the reply to " + requestId + " is asked by "
                    + request.providerDepartment() + "'s PROVIDER_REVIEWER officials");
        }
        if (store.rows().find(requestId).isPresent()) {
            throw new ConflictException("extension", "one-extension-per-request", requestId
                    + " has had its one extension asked already (Art. 21)");
        }
        if (!requests.awaitsReply(request)) {
            throw new ConflictException("replyDue", "extension-before-reply-due", requestId + " is " + request.status()
                    + (request.replyDue() == null ? "" : ", its reply due " + request.replyDue())
                    + ": an extension is asked while the reply is awaited and not yet due");
        }
        if (notices.awaiting(requestId)) {
            throw new ConflictException("extension", "no-extension-while-materials-awaited", requestId
                    + " waits for the applicant's supplement, which sets the reply deadline anew");
        }
        int most = cases.workdays().workingDaysOf(Deadline.REPLY_EXTENSION);
        if (workingDays == null || workingDays < 1 || workingDays > most) {
            throw new InvalidInputException("workingDays", "extension-within-pack", "an extension is 1 to " + most
                    + " working days under " + pack.get().name() + " (Art. 21)");
        }
        if (blank(reasons)) {
            throw new InvalidInputException("reasons", "extension-needs-reasons", "say why the reply needs longer (Art. 21)");
        }
        Instant decisionDue = earlier(cases.due(Deadline.REPLY_EXTENSION_DECISION), request.replyDue());
        ReplyExtension asked = new ReplyExtension(requestId, workingDays, reasons.strip(), by.login(), cases.now(),
                decisionDue, ReplyExtension.Status.ASKED, null, null, null, request.replyDue(), null, null);
        ReplyExtension opened = cases.open(asked, store::insert, cases.entry(AuditAction.REPLY_EXTENSION_ASKED, requestId)
                        .with("workingDays", workingDays).with("decisionDue", decisionDue.toString()).because(asked.reasons()),
                Map.of("resourceName", request.resourceName(), "providerDepartment", request.providerDepartment(),
                        "extensionSummary", summary(asked, request)));
        cases.send(cases.workgroups().authority(), "REPLY_EXTENSION_ASKED", "延期答复申请 " + requestId
                + " asks " + workingDays + " more working days", request.providerDepartment() + ": " + asked.reasons()
                + "; decide by " + decisionDue, requestId);
        return opened;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String summary(ReplyExtension e, SharingRequest r) {
        return String.join("\n", "申请 Request: " + r.id() + " " + r.resourceName() + " (" + r.applicantDepartment() + " → "
                        + r.providerDepartment() + ")",
                "当前答复期限 Reply due: " + e.replyDueBefore(),
                "申请延长 Asked: " + e.workingDays() + " 个工作日 working days",
                "理由 Reasons: " + e.reasons());
    }

    // ---- steps of the reply-extension process ----

    /** The process's start binds the extension named by its business key, the request's number. */
    public void bind(String processInstanceId, String requestNumber) {
        cases.bind(processInstanceId, requestNumber, e -> e.status() == ReplyExtension.Status.ASKED);
    }

    /** When the authority decides by, for the task's due date and its timer. */
    public Date decisionDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).decisionDue());
    }

    /**
     * The authority's decision, checked against the stored extension and recorded. Only the authority decides.
     *
     * @return APPROVE or REFUSE, for the process
     */
    public String recordDecision(String processInstanceId, VariableScope form) {
        ReplyExtension extension = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(),
                "an extension of a reply period is decided by the sharing authority (Art. 21)");
        String decision = FormValues.text(form, "extensionDecision");
        String reasons = FormValues.text(form, "extensionComment");
        if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
            throw new InvalidInputException("extensionDecision", "unknown-value", "the decision is APPROVE or REFUSE");
        }
        if ("REFUSE".equals(decision) && blank(reasons)) {
            throw new InvalidInputException("extensionComment", "refusal-needs-reasons",
                    "say why the extension is refused: the provider and the applicant are told");
        }
        if (extension.status() != ReplyExtension.Status.ASKED) {
            throw new ConflictException("status", "decide-asked-only", extension.id() + "'s extension is " + extension.status());
        }
        store.decide(extension.id(), "APPROVE".equals(decision) ? ReplyExtension.Status.APPROVED
                : ReplyExtension.Status.REFUSED, actor.id(), cases.now(), blank(reasons) ? null : reasons.strip());
        return decision;
    }

    /** Approved: the reply deadline moves by the working days asked, from the deadline as it stands; both sides told. */
    public void apply(String processInstanceId) {
        ReplyExtension extension = cases.ofProcess(processInstanceId);
        SharingRequest request = requests.require(extension.id());
        String outcome;
        if (requests.awaitsReply(request)) {
            Instant due = cases.workdays().after(request.replyDue(), extension.workingDays());
            requests.moveReplyDue(request.id(), due, "reply extension of " + extension.workingDays()
                    + " working days approved by the sharing authority (Art. 21)");
            store.applied(extension.id(), due);
            outcome = "the reply is now due " + due;
        } else {
            // answered, withdrawn or lapsed while the authority decided: there is no deadline left to move
            outcome = "the request no longer waits for a reply (" + request.status() + "): nothing moved";
        }
        cases.record(cases.entry(AuditAction.REPLY_EXTENSION_APPROVED, extension.id())
                .with("workingDays", extension.workingDays()).with("replyDue", outcome)
                .because(extension.decisionReasons()));
        tell(request, "REPLY_EXTENSION_APPROVED", "同意延期答复 " + request.id() + " reply extended",
                "the sharing authority approved " + extension.workingDays() + " more working days for "
                        + request.providerDepartment() + "'s reply: " + outcome);
    }

    /** Refused: the deadline stays; both sides told. */
    public void recordRefusal(String processInstanceId) {
        ReplyExtension extension = cases.ofProcess(processInstanceId);
        SharingRequest request = requests.require(extension.id());
        cases.record(cases.entry(AuditAction.REPLY_EXTENSION_REFUSED, extension.id()).because(extension.decisionReasons()));
        tell(request, "REPLY_EXTENSION_REFUSED", "不同意延期答复 " + request.id() + " extension refused",
                "the sharing authority refused " + request.providerDepartment() + "'s extension ("
                        + extension.decisionReasons() + "); the reply stays due " + request.replyDue());
    }

    /** The authority did not decide in time: the deadline stays, and both sides are told so. */
    public void lapse(String processInstanceId) {
        ReplyExtension extension = cases.lockedOfProcess(processInstanceId);
        SharingRequest request = requests.require(extension.id());
        store.decide(extension.id(), ReplyExtension.Status.LAPSED, "system", cases.now(), null);
        cases.record(cases.entry(AuditAction.REPLY_EXTENSION_LAPSED, extension.id())
                .with("decisionDue", extension.decisionDue().toString()));
        tell(request, "REPLY_EXTENSION_LAPSED", "延期申请未获决定 " + request.id() + " extension not decided",
                "the sharing authority did not decide on the extension by " + extension.decisionDue()
                        + "; the reply stays due " + request.replyDue());
    }

    private void tell(SharingRequest request, String kind, String subject, String body) {
        cases.send(request.requestedBy(), kind, subject, body, request.id());
        cases.send(cases.workgroup(request.providerDepartment(), Role.PROVIDER_REVIEWER), kind, subject, body, request.id());
    }

    // ---- the platform API's door to the task (Tasklist completes the same task) ----

    /** The authority decides through the API. */
    @Transactional
    public ReplyExtension decide(Official by, String requestId, String decision, String reasons) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("an extension of a reply period is decided by the sharing authority (Art. 21)");
        }
        ReplyExtension extension = require(by, requestId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("extensionDecision", decision);
        variables.put("extensionComment", reasons);
        return cases.complete(extension, "Task_DecideExtension", variables, "waits for no decision");
    }

    /** The extension of a request, as whoever may see the request sees it. */
    public ReplyExtension require(Official by, String requestId) {
        requests.visibleTo(by, requestId);
        return cases.require(requestId);
    }
}
