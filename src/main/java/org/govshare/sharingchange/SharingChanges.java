package org.govshare.sharingchange;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.SharingMethod;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * No unilateral end or change (national regulation Art. 27), a step the rule pack turns on
 * ({@code retirement-consultation}): a provider that means to retire a resource, or change the service that live
 * grants rely on, files it with reasons and a date; every holder department answers (agree, or object with reasons)
 * within the pack's working days; then the sharing authority accepts or refuses the filing. Accepted, it takes effect
 * on its day: the resource is retired and its live grants terminated, or the provider may register the changed
 * service. While the step is on, a retirement or service change that skips this is refused while live grants exist
 * ({@link ConsultHoldersFirst}).
 */
@Service
public class SharingChanges {

    public static final String PROCESS = "sharing-change";
    static final CaseKind KIND = new CaseKind(PROCESS, "BG", "caseNumber", "sharing change", "sharing-change");
    static final Set<String> DECISIONS = Set.of("ACCEPT", "REFUSE");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SharingChangeStore store;
    private final Catalog catalog;
    private final Grants grants;
    private final PackInForce pack;
    private final TaskService taskService;
    private final Cases<SharingChange> cases;

    SharingChanges(SharingChangeStore store, Catalog catalog, Grants grants, PackInForce pack, TaskService taskService,
                   CaseEngine engine) {
        this.store = store;
        this.catalog = catalog;
        this.grants = grants;
        this.pack = pack;
        this.taskService = taskService;
        this.cases = engine.cases(KIND, store.rows());
    }

    /** The provider files an intended retirement or service change; the holders of its live grants are consulted. */
    @Transactional
    public SharingChange file(Official by, String resourceCode, String kind, String reasons, LocalDate effectiveOn) {
        pack.require(OptionalStep.RETIREMENT_CONSULTATION);
        SharingChange.Kind what = kind(kind);
        CatalogListing resource = catalog.current(resourceCode).filter(r -> "PUBLISHED".equals(r.status()))
                .orElseThrow(() -> new NotFoundException("published resource", resourceCode));
        String provider = resource.entry().providerDepartment();
        if (!provider.equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("a retirement or change of " + resourceCode + " is filed by " + provider
                    + "'s PROVIDER_REVIEWER officials");
        }
        if (blank(reasons)) {
            throw new InvalidInputException("reasons", "required", "say why the resource is retired or its service changed");
        }
        if (effectiveOn == null || effectiveOn.isBefore(cases.today())) {
            throw new InvalidInputException("effectiveOn", "effective-from-today", "name the day it takes effect, today or later");
        }
        if (what == SharingChange.Kind.SERVICE_CHANGE && resource.entry().sharingMethod() != SharingMethod.PROVIDER_SERVICE) {
            throw new ConflictException("kind", "provider-service-only", resourceCode + " is shared as "
                    + resource.entry().sharingMethod() + "; only a PROVIDER_SERVICE resource has a service to change");
        }
        store.lockResource(resourceCode);
        store.openFor(resourceCode).ifPresent(open -> {
            throw new ConflictException("resourceCode", "one-open-filing", resourceCode + " already has filing " + open);
        });
        if (what == SharingChange.Kind.RETIREMENT) {
            // the retirement takes out the entry as it stands: a revision in review would be lost or block it
            catalog.openSubmissionOf(resourceCode).ifPresent(open -> {
                throw new ConflictException("resourceCode", "one-open-submission", resourceCode + " has submission " + open
                        + " in the catalog's review; file the retirement once it is decided (or withdrawn, if returned)");
            });
        }
        Map<String, List<String>> holders = new LinkedHashMap<>();
        grants.live(null, null, resourceCode).forEach(g ->
                holders.computeIfAbsent(g.consumerDepartment(), d -> new java.util.ArrayList<>()).add(g.id()));
        if (holders.isEmpty()) {
            throw new ConflictException("resourceCode", "no-holders-to-consult", resourceCode + " has no live grant: "
                    + (what == SharingChange.Kind.RETIREMENT ? "ask for its retirement in the catalog" : "register the change"));
        }
        SharingChange draft = new SharingChange(cases.number(), what, resourceCode, resource.entry().name(), provider,
                reasons.strip(), effectiveOn, SharingChange.Status.CONSULTING, by.login(), cases.now(), null,
                holders.entrySet().stream().map(h -> new SharingChange.Answer(h.getKey(), h.getValue(), null, null, null, null))
                        .toList(), null, null, null, null, null);
        return cases.open(draft, store::insert, cases.entry(AuditAction.SHARING_CHANGE_FILED, draft.id()).because(draft.reasons())
                        .with("kind", what).with("resource", resourceCode).with("effectiveOn", effectiveOn.toString())
                        .with("holders", List.copyOf(holders.keySet())),
                Map.of("resourceCode", resourceCode, "changeKind", what.name()));
    }

    // ---- steps of the sharing-change process ----

    /**
     * The first step: binds the case, sets the answer deadline and asks each holder.
     *
     * @return the case in words, for the forms
     */
    public String consultHolders(String processInstanceId, String caseNumber) {
        SharingChange change = cases.bind(processInstanceId, caseNumber, c -> c.status() == SharingChange.Status.CONSULTING);
        Instant due = cases.due(Deadline.RETIREMENT_CONSULTATION);
        store.setAnswersDue(change.id(), due);
        for (SharingChange.Answer holder : change.answers()) {
            cases.send(cases.workgroup(holder.department(), Role.APPLICANT), "SHARING_CHANGE_CONSULTED",
                    "征求意见 " + what(change) + " " + change.resourceCode() + " (" + change.id() + ")",
                    change.providerDepartment() + " means to " + (change.kind() == SharingChange.Kind.RETIREMENT
                            ? "retire " : "change the service of ") + change.resourceName() + " from " + change.effectiveOn()
                            + ", which your grants " + holder.grantIds() + " rely on. Reasons: " + change.reasons()
                            + "\nAgree or object by " + local(due) + ".", change.id());
        }
        return summary(require(change.id()));
    }

    /** The answer tasks' candidate groups, one per holder, in order: computed here, not from a variable. */
    public List<String> holderWorkgroups(String processInstanceId) {
        return cases.ofProcess(processInstanceId).answers().stream()
                .map(a -> cases.workgroup(a.department(), Role.APPLICANT)).toList();
    }

    public Date answersDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).answersDue());
    }

    /** The accepted change takes effect at the start of its day (at once when that day has come). */
    public Date effectiveAt(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).effectiveOn().atStartOfDay(cases.zone()).toInstant());
    }

    /** When an answer task is created, it is bound to its holder's row by the engine's own loop counter. */
    public void bindAnswerTask(String processInstanceId, int loopCounter, String taskId) {
        store.bindAnswerTask(cases.ofProcess(processInstanceId).id(), loopCounter, taskId);
    }

    /** A holder's answer, checked against the stored case: its own officials, reasons with an objection, once. */
    public void recordAnswer(String processInstanceId, String taskId, String answer, String reasons) {
        SharingChange change = cases.lockedOfProcess(processInstanceId);
        String department = store.departmentOfTask(change.id(), taskId)
                .orElseThrow(() -> new NotFoundException("sharing change answer task", taskId));
        Actor actor = cases.actorOf(department, "this answer to " + change.id() + " is " + department + "'s");
        if (change.status() != SharingChange.Status.CONSULTING) {
            throw new ConflictException("status", "answer-while-consulting", change.id() + " is " + change.status());
        }
        SharingChange.AnswerKind kind = "AGREE".equals(answer) ? SharingChange.AnswerKind.AGREE
                : "OBJECT".equals(answer) ? SharingChange.AnswerKind.OBJECT : null;
        if (kind == null) {
            throw new InvalidInputException("holderAnswer", "unknown-value", "answer AGREE or OBJECT");
        }
        if (kind == SharingChange.AnswerKind.OBJECT && blank(reasons)) {
            throw new InvalidInputException("answerReasons", "objection-needs-reasons",
                    "say why your department objects: what the retirement or change would stop you doing");
        }
        String why = blank(reasons) ? null : reasons.strip();
        store.setAnswer(change.id(), department, kind, why, actor.id(), cases.now());
        cases.record(cases.entry(AuditAction.SHARING_CHANGE_ANSWERED, change.id()).because(why)
                .with("department", department).with("answer", kind));
    }

    /**
     * After every answer, or at the deadline: a holder that did not answer is recorded SILENT, and the filing goes
     * to the authority with every answer.
     *
     * @return the case in words, for the decision form
     */
    public String closeConsultation(String processInstanceId) {
        SharingChange change = cases.lockedOfProcess(processInstanceId);
        change.answers().stream().filter(a -> a.answer() == null).forEach(a ->
                store.setAnswer(change.id(), a.department(), SharingChange.AnswerKind.SILENT, null, null, null));
        store.setStatus(change.id(), SharingChange.Status.AWAITING_DECISION);
        SharingChange closed = require(change.id());
        cases.send(cases.workgroups().authority(), "SHARING_CHANGE_FILED", "报备 Filing " + change.id() + ": "
                + what(change) + " " + change.resourceCode(), summary(closed), change.id());
        return summary(closed);
    }

    /** The authority's decision: ACCEPT, or REFUSE with reasons. */
    public String recordDecision(String processInstanceId, String decision, String reasons) {
        SharingChange change = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(), change.id() + " is decided by the sharing authority");
        if (change.status() != SharingChange.Status.AWAITING_DECISION) {
            throw new ConflictException("status", "not-waiting", change.id() + " is " + change.status());
        }
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new InvalidInputException("filingDecision", "unknown-value", "decide ACCEPT or REFUSE");
        }
        if ("REFUSE".equals(decision) && blank(reasons)) {
            throw new InvalidInputException("decisionReasons", "refusal-needs-reasons", "say why the filing is refused");
        }
        String why = blank(reasons) ? null : reasons.strip();
        boolean accepted = "ACCEPT".equals(decision);
        store.setDecision(change.id(), accepted ? SharingChange.Status.ACCEPTED : SharingChange.Status.REFUSED, why,
                actor.id(), cases.now());
        cases.record(cases.entry(AuditAction.SHARING_CHANGE_DECIDED, change.id()).because(why).with("decision", decision)
                .with("objections", departmentsAnswering(change, SharingChange.AnswerKind.OBJECT))
                .with("silent", departmentsAnswering(change, SharingChange.AnswerKind.SILENT)));
        String notice = (accepted ? "报备已接受 Accepted: takes effect on " + change.effectiveOn()
                : "报备未接受 Refused: nothing changes") + (why == null ? "" : ". " + why);
        cases.send(cases.workgroup(change.providerDepartment(), Role.PROVIDER_REVIEWER), "SHARING_CHANGE_DECIDED",
                what(change) + " " + change.resourceCode() + " (" + change.id() + ")", notice, change.id());
        change.answers().forEach(a -> cases.send(cases.workgroup(a.department(), Role.APPLICANT), "SHARING_CHANGE_DECIDED",
                what(change) + " " + change.resourceCode() + " (" + change.id() + ")", notice, change.id()));
        return decision;
    }

    /**
     * Its day has come: a retirement retires the resource and terminates its live grants (their end-of-grant
     * follow-ups apply as to any ended grant); a service change may now be registered, once.
     */
    public void takeEffect(String processInstanceId) {
        SharingChange change = cases.lockedOfProcess(processInstanceId);
        if (change.status() != SharingChange.Status.ACCEPTED) {
            throw new ConflictException("status", "not-waiting", change.id() + " is " + change.status());
        }
        store.setStatus(change.id(), SharingChange.Status.IN_EFFECT);
        if (change.kind() == SharingChange.Kind.SERVICE_CHANGE) {
            return;
        }
        catalog.retireAsFiled(change.resourceCode(), change.id(), change.decidedBy());
        String reason = "Art. 27, " + change.id() + ": 资源已退出 the resource was retired after its holders were consulted";
        List<String> terminated = grants.live(null, null, change.resourceCode()).stream().map(Grant::id)
                .filter(id -> grants.terminate(change.decidedBy(), id, reason)).toList();
        store.setChangeMade(change.id(), cases.now());
        cases.record(cases.entry(AuditAction.SHARING_CHANGE_MADE, change.id()).with("kind", change.kind())
                .with("resource", change.resourceCode()).with("grants", terminated));
    }

    // ---- the platform API's doors (Tasklist completes the same tasks, with the same checks) ----

    /** A holder's APPLICANT official answers. */
    @Transactional
    public SharingChange answer(Official by, String id, String answer, String reasons) {
        pack.require(OptionalStep.RETIREMENT_CONSULTATION);
        SharingChange change = cases.require(id);
        if (!by.has(Role.APPLICANT) || change.answers().stream().noneMatch(a -> a.department().equals(by.department()))) {
            throw new AccessDeniedException("a consultation is answered by the APPLICANT officials of the holders it names");
        }
        String taskId = store.taskOfDepartment(id, by.department()).orElseThrow(() -> new ConflictException("status",
                "not-waiting", id + " is " + change.status() + " and does not wait for " + by.department() + "'s answer"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("holderAnswer", answer);
        variables.put("answerReasons", reasons);
        taskService.complete(taskId, variables);
        return require(id);
    }

    @Transactional
    public SharingChange decide(Official by, String id, String decision, String reasons) {
        pack.require(OptionalStep.RETIREMENT_CONSULTATION);
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("a filing is decided by the sharing authority");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("filingDecision", decision);
        variables.put("decisionReasons", reasons);
        return cases.complete(cases.require(id), "Task_DecideFiling", variables, "does not wait for a decision");
    }

    // ---- reading ----

    /** A filing as its provider, its holders and the authority see it. */
    public SharingChange visibleTo(Official by, String id) {
        pack.require(OptionalStep.RETIREMENT_CONSULTATION);
        return cases.visibleTo(by, id, c -> c.concerns(by.department()),
                "a filing is seen by its provider, the holders consulted and the authority");
    }

    /** The filings a department is party to; the authority sees all. */
    public List<SharingChange> list(Official by, SharingChange.Status status, int page, int size) {
        pack.require(OptionalStep.RETIREMENT_CONSULTATION);
        return store.list(by.has(Role.AUTHORITY) ? null : by.department(), status, page, size);
    }

    public SharingChange require(String id) {
        return cases.require(id);
    }

    /** The whole case in words, for the forms. */
    public String summary(SharingChange c) {
        StringBuilder text = new StringBuilder().append(what(c)).append(": ").append(c.resourceCode()).append(' ')
                .append(c.resourceName()).append(" — ").append(c.providerDepartment()).append(", from ")
                .append(c.effectiveOn()).append('\n').append("理由 Reasons: ").append(c.reasons()).append('\n');
        if (c.answersDue() != null) {
            text.append("答复期限 Answers due: ").append(local(c.answersDue())).append('\n');
        }
        for (SharingChange.Answer a : c.answers()) {
            text.append("• ").append(a.department()).append(' ').append(a.grantIds()).append(": ")
                    .append(a.answer() == null ? "—" : a.answer()).append(a.reasons() == null ? "" : " — " + a.reasons())
                    .append('\n');
        }
        return text.toString().strip();
    }

    private static List<String> departmentsAnswering(SharingChange change, SharingChange.AnswerKind kind) {
        return change.answers().stream().filter(a -> a.answer() == kind).map(SharingChange.Answer::department).toList();
    }

    private static String what(SharingChange c) {
        return c.kind() == SharingChange.Kind.RETIREMENT ? "资源退出 Retirement" : "服务变更 Service change";
    }

    private static SharingChange.Kind kind(String kind) {
        try {
            return SharingChange.Kind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "unknown-value", "kind is RETIREMENT or SERVICE_CHANGE");
        }
    }

    private String local(Instant at) {
        return LOCAL.format(at.atZone(cases.zone()));
    }
}
