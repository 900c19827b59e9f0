package org.govshare.collection;

import static org.govshare.platform.FormValues.blank;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntryPublished;
import org.govshare.catalog.SourceDepartments;
import org.govshare.catalog.Submission;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.need.SharingNeed;
import org.govshare.need.SharingNeeds;
import org.govshare.platform.FormValues;
import org.govshare.platform.ProcessText;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collection consultations (Art. 9): information no published resource provides is collected by its business
 * authority, once, and shared. The demanding department names the authorities concerned; each answers within the
 * working-day deadline; exactly one acceptance makes that department the collector, anything else goes to the
 * sharing authority's ruling; the collector registers the resource in its catalog, and its publication closes the
 * case and meets the need. Owns the {@code collection-consultation} process: every step is one call here, and each
 * finds its consultation by process instance, never from a variable a task completion could overwrite.
 */
@Service
public class Consultations {

    public static final String PROCESS = "collection-consultation";
    public static final String PUBLISHED_MESSAGE = "consultation-entry-published";
    static final CaseKind KIND = new CaseKind(PROCESS, "XS", "consultationNumber", "collection consultation",
            "collection-consultation");

    private final ConsultationStore store;
    private final SharingNeeds needs;
    private final Catalog catalog;
    private final SourceDepartments sourceDepartments;
    private final DepartmentDirectory departments;
    private final TaskService taskService;
    private final Cases<Consultation> cases;

    Consultations(ConsultationStore store, SharingNeeds needs, Catalog catalog, SourceDepartments sourceDepartments,
                  DepartmentDirectory departments, TaskService taskService, CaseEngine engine) {
        this.store = store;
        this.needs = needs;
        this.catalog = catalog;
        this.sourceDepartments = sourceDepartments;
        this.departments = departments;
        this.taskService = taskService;
        this.cases = engine.cases(KIND, store.rows());
    }

    /** The demanding department's APPLICANT starts a consultation; the departments named are asked at once. */
    @Transactional
    public Consultation start(Official by, NewConsultation asked) {
        if (!by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("collection consultations are started by a department's APPLICANT officials");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        List<String> named = FormValues.cleaned(asked.departments());
        if (named.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("departments", "required",
                    "name at least one business authority concerned, by department code"));
        }
        for (String department : named) {
            if (department.equals(by.department())) {
                errors.add(new InvalidInputException.FieldError("departments", "not-own-department",
                        "a department does not consult itself; if the information is yours to collect, collect it"));
            } else if (departments.find(department).isEmpty()) {
                errors.add(new InvalidInputException.FieldError("departments", "unknown-department",
                        "no department " + department));
            }
        }
        List<String> items = FormValues.cleaned(asked.items());
        if (items.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("items", "required", "name at least one data item wanted"));
        }
        requireText(errors, "information", asked.information(), "say in words what information is wanted");
        requireText(errors, "purpose", asked.purpose(), "say what the information is wanted for");
        requireText(errors, "legalDuty", asked.legalDuty(), "name the statutory duty the purpose serves");
        if (!blank(asked.needId())) {
            SharingNeed need = needs.find(asked.needId()).orElse(null);
            if (need == null || !need.department().equals(by.department())) {
                errors.add(new InvalidInputException.FieldError("needId", "own-need",
                        "cite one of your own department's needs (GET /api/needs)"));
            } else if (!need.open()) {
                errors.add(new InvalidInputException.FieldError("needId", "open-need", "the need is already " + need.status()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String needId = blank(asked.needId()) ? null : asked.needId();
        Consultation consultation = new Consultation(cases.number(), by.department(), by.login(), cases.now(),
                asked.information().strip(), items, asked.purpose().strip(), asked.legalDuty().strip(), needId,
                Consultation.Status.CONSULTING, null,
                named.stream().map(d -> new Consultation.Answer(d, null, null, null, null)).toList(),
                null, null, null, null, null, null, null);
        return cases.open(consultation, store::insert, cases.entry(AuditAction.CONSULTATION_STARTED, consultation.id())
                .with("departments", named).with("items", items).with("purpose", consultation.purpose())
                .with("need", needId), Map.of("demandingDepartment", consultation.demandingDepartment()));
    }

    // ---- steps of the collection-consultation process ----

    /**
     * The first step: binds the consultation named by the business key to its process instance (every later step
     * finds it by that), sets the answer deadline and tells the departments named.
     *
     * @return the whole case in words, for the tasks' forms
     */
    public String open(String processInstanceId, String consultationNumber) {
        Consultation consultation = cases.bind(processInstanceId, consultationNumber,
                c -> c.status() == Consultation.Status.CONSULTING);
        store.setAnswerDue(consultation.id(), cases.due(Deadline.CONSULTATION_ANSWER));
        Consultation bound = require(consultation.id());
        for (Consultation.Answer answer : bound.answers()) {
            cases.send(cases.workgroup(answer.department(), Role.PROVIDER_REVIEWER), "CONSULTATION_ASKED",
                    "采集协商 Who collects? " + bound.id(), bound.demandingDepartment() + " needs " + bound.information()
                            + "; answer by " + bound.answerDue(), bound.id());
        }
        return summary(bound);
    }

    /** The answer tasks' candidate groups, one per department named, in order: computed here, not from a variable. */
    public List<String> answeringWorkgroups(String processInstanceId) {
        return cases.ofProcess(processInstanceId).answers().stream()
                .map(a -> cases.workgroup(a.department(), Role.PROVIDER_REVIEWER)).toList();
    }

    public Date answerDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).answerDue());
    }

    /** When an answer task is created, it is bound to its department's row, by the engine's own loop counter. */
    public void bindAnswerTask(String processInstanceId, int loopCounter, String taskId) {
        store.bindAnswerTask(cases.ofProcess(processInstanceId).id(), loopCounter, taskId);
    }

    /**
     * A consulted department's answer, checked against the stored case: the answering official must belong to the
     * department the task was bound to, NOT_OURS needs reasons, and each department answers once.
     */
    public void recordAnswer(String processInstanceId, String taskId, String answer, String reasons) {
        Consultation consultation = cases.lockedOfProcess(processInstanceId);
        String department = store.departmentOfTask(consultation.id(), taskId)
                .orElseThrow(() -> new NotFoundException("consultation answer task", taskId));
        Actor actor = cases.actorOf(department, "this answer to " + consultation.id() + " is " + department + "'s");
        if (consultation.status() != Consultation.Status.CONSULTING) {
            throw new ConflictException("status", "answer-while-consulting", consultation.id() + " is " + consultation.status());
        }
        Consultation.AnswerKind kind = answerKind(answer);
        if (kind == Consultation.AnswerKind.NOT_OURS && blank(reasons)) {
            throw new InvalidInputException("answerReasons", "not-ours-needs-reasons",
                    "say why the information is not your department's to collect, and whose it is if you know");
        }
        store.setAnswer(consultation.id(), department, kind, blank(reasons) ? null : reasons.strip(), actor.id(), cases.now());
        cases.record(cases.entry(AuditAction.CONSULTATION_ANSWERED, consultation.id())
                .with("department", department).with("answer", kind).because(blank(reasons) ? null : reasons.strip()));
    }

    /**
     * After every answer, or at the deadline: a department that did not answer is recorded SILENT. Exactly one
     * acceptance and no silence makes that department the collector; anything else goes to the authority's ruling.
     */
    public Tally tally(String processInstanceId) {
        Consultation consultation = cases.lockedOfProcess(processInstanceId);
        List<String> silent = consultation.answers().stream().filter(a -> a.answer() == null)
                .map(Consultation.Answer::department).toList();
        silent.forEach(d -> store.setAnswer(consultation.id(), d, Consultation.AnswerKind.SILENT, null, null, null));
        List<String> accepting = consultation.answers().stream().filter(a -> a.answer() != null && a.answer().accepts())
                .map(Consultation.Answer::department).toList();
        boolean one = accepting.size() == 1 && silent.isEmpty();
        if (one) {
            store.setCollector(consultation.id(), accepting.get(0), null, Consultation.Status.REGISTERING);
            askToRegister(require(consultation.id()));
        } else {
            store.setStatus(consultation.id(), Consultation.Status.RULING);
            cases.send(cases.workgroups().authority(), "CONSULTATION_RULING", "裁定采集部门 Rule who collects " + consultation.id(),
                    accepting.size() + " acceptances, " + silent.size() + " departments silent", consultation.id());
        }
        cases.record(cases.entry(AuditAction.CONSULTATION_TALLIED, consultation.id())
                .with("accepting", accepting).with("silent", silent).with("outcome", one ? "ONE" : "RULING"));
        return new Tally(one ? "ONE" : "RULING", answersSummary(require(consultation.id())));
    }

    /** The tally for the process: ONE or RULING, and every answer in words for the ruling form. */
    public record Tally(String outcome, String answersSummary) {
    }

    /** The authority's ruling, checked against the directory: who collects, to whom it is handed, and why. */
    public void recordRuling(String processInstanceId, String decision, String collectingDepartment, String businessAuthority,
                             String reasons) {
        Consultation consultation = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(), "who collects is ruled by the sharing authority (Art. 9)");
        if (consultation.status() != Consultation.Status.RULING) {
            throw new ConflictException("status", "rule-when-ruling", consultation.id() + " is " + consultation.status());
        }
        Consultation.RulingDecision ruling;
        try {
            ruling = Consultation.RulingDecision.valueOf(Objects.requireNonNullElse(decision, ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rulingDecision", "unknown-value", "rule ASSIGN or HAND_TO_AUTHORITY");
        }
        requireDepartment("collectingDepartment", collectingDepartment);
        if (ruling == Consultation.RulingDecision.HAND_TO_AUTHORITY) {
            requireDepartment("businessAuthority", businessAuthority);
            if (businessAuthority.equals(collectingDepartment)) {
                throw new InvalidInputException("businessAuthority", "hand-to-another",
                        "information is handed over by a collector that is not its business authority; for the authority itself, ASSIGN");
            }
        }
        if (blank(reasons)) {
            throw new InvalidInputException("rulingReasons", "ruling-needs-reasons", "say why this department collects (Art. 9)");
        }
        String handTo = ruling == Consultation.RulingDecision.HAND_TO_AUTHORITY ? businessAuthority : null;
        store.setRuling(consultation.id(), new Consultation.Ruling(ruling, reasons.strip(), actor.id(), cases.now()));
        store.setCollector(consultation.id(), collectingDepartment, handTo, Consultation.Status.REGISTERING);
        cases.record(cases.entry(AuditAction.CONSULTATION_RULED, consultation.id()).with("decision", ruling)
                .with("collectingDepartment", collectingDepartment).with("businessAuthority", handTo).because(reasons.strip()));
        askToRegister(require(consultation.id()));
    }

    /** The registration task's candidate group: the collecting department's catalog keepers. */
    public String collectorWorkgroup(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).collectingDepartment(), Role.PROVIDER_REVIEWER);
    }

    /**
     * The collector names the catalog submission that registers the resource (submitted through the catalog as any
     * other entry). It must be its own, not a retirement, not withdrawn, and registering no other consultation.
     *
     * @return PUBLISHED when the entry is already published, else IN_REVIEW (the process waits for the publication)
     */
    public String recordRegistration(String processInstanceId, String submissionId) {
        Consultation consultation = cases.lockedOfProcess(processInstanceId);
        cases.actorOf(consultation.collectingDepartment(), "the resource of " + consultation.id() + " is registered by "
                + consultation.collectingDepartment());
        if (blank(submissionId)) {
            throw new InvalidInputException("submissionId", "required",
                    "submit the entry through the catalog (POST /api/catalog/submissions) and name the submission");
        }
        Submission submission = catalog.submission(submissionId.strip());
        if (!submission.department().equals(consultation.collectingDepartment())) {
            throw new InvalidInputException("submissionId", "own-submission",
                    "the submission must be " + consultation.collectingDepartment() + "'s");
        }
        if (submission.kind() == Submission.Kind.RETIRE || submission.status() == Submission.Status.WITHDRAWN
                || submission.status() == Submission.Status.RETIRED) {
            throw new InvalidInputException("submissionId", "registering-submission",
                    "the submission is a " + submission.kind() + " and " + submission.status() + "; name one that registers the resource");
        }
        store.linkedTo(submission.id()).filter(other -> !other.equals(consultation.id())).ifPresent(other -> {
            throw new ConflictException("submissionId", "one-consultation-per-submission",
                    "submission " + submission.id() + " already registers consultation " + other);
        });
        store.setRegistration(consultation.id(), submission.id(), submission.code());
        cases.record(cases.entry(AuditAction.CONSULTATION_REGISTERED, consultation.id())
                .with("submission", submission.id()).with("resource", submission.code()));
        return submission.status() == Submission.Status.PUBLISHED ? "PUBLISHED" : "IN_REVIEW";
    }

    /** The catalog published an entry: the consultation it registers, if any, goes on (same transaction). */
    @EventListener
    public void onPublished(CatalogEntryPublished published) {
        store.waitingFor(published.submissionId()).ifPresent(c -> cases.correlate(PUBLISHED_MESSAGE, c));
    }

    /** The resource is published: the case closes, the need is met, the demanding department (and the authority handed to) told. */
    public void recordCollected(String processInstanceId) {
        Consultation consultation = cases.lockedOfProcess(processInstanceId);
        store.close(consultation.id(), cases.now());
        if (consultation.needId() != null) {
            needs.markMet(consultation.needId(), consultation.resourceCode(), consultation.id());
        }
        if (consultation.ruling() != null && sourceDepartments.named()) {
            // Art. 19 of the national regulation: the department the authority ruled collects is the source department
            sourceDepartments.nameByRuling(consultation.resourceCode(), consultation.collectingDepartment(),
                    consultation.id(), consultation.ruling().reasons());
        }
        cases.record(cases.entry(AuditAction.CONSULTATION_COLLECTED, consultation.id())
                .with("resource", consultation.resourceCode()).with("collectingDepartment", consultation.collectingDepartment())
                .with("businessAuthority", consultation.businessAuthority()).with("need", consultation.needId()));
        cases.send(cases.workgroup(consultation.demandingDepartment(), Role.APPLICANT), "CONSULTATION_COLLECTED",
                "已登记 " + consultation.id() + ": " + consultation.resourceCode(), consultation.collectingDepartment()
                        + " registered the information as " + consultation.resourceCode() + "; ask for it with a sharing request",
                consultation.id());
        if (consultation.businessAuthority() != null) {
            cases.send(cases.workgroup(consultation.businessAuthority(), Role.PROVIDER_REVIEWER), "CONSULTATION_HANDED_OVER",
                    "移交 Handed to you: " + consultation.resourceCode(), consultation.collectingDepartment() + " collected and"
                            + " registered " + consultation.resourceCode() + " and hands it to you, its business authority (Art. 9)",
                    consultation.id());
        }
    }

    private void askToRegister(Consultation consultation) {
        cases.send(cases.workgroup(consultation.collectingDepartment(), Role.PROVIDER_REVIEWER), "CONSULTATION_COLLECT",
                "请采集并登记 Collect and register " + consultation.id(), consultation.information()
                        + (consultation.businessAuthority() == null ? "" : "; hand it to " + consultation.businessAuthority()),
                consultation.id());
    }

    // ---- the platform API's doors to the tasks (Tasklist completes the same tasks, with the same checks) ----

    /** A consulted department's PROVIDER_REVIEWER answers through the API. */
    @Transactional
    public Consultation answer(Official by, String id, String answer, String reasons) {
        Consultation consultation = require(id);
        if (!by.has(Role.PROVIDER_REVIEWER)
                || consultation.answers().stream().noneMatch(a -> a.department().equals(by.department()))) {
            throw new AccessDeniedException("a consultation is answered by the PROVIDER_REVIEWER officials of the departments it names");
        }
        String taskId = store.taskOfDepartment(id, by.department()).orElseThrow(() -> new ConflictException("status",
                "not-waiting", id + " is " + consultation.status() + " and does not wait for " + by.department() + "'s answer"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("consultationAnswer", answer);
        variables.put("answerReasons", reasons);
        taskService.complete(taskId, variables);
        return require(id);
    }

    /** The authority rules through the API. */
    @Transactional
    public Consultation rule(Official by, String id, String decision, String collectingDepartment, String businessAuthority,
                             String reasons) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("who collects is ruled by the sharing authority (Art. 9)");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("rulingDecision", decision);
        variables.put("collectingDepartment", collectingDepartment);
        variables.put("businessAuthority", businessAuthority);
        variables.put("rulingReasons", reasons);
        return cases.complete(require(id), "Task_RuleCollector", variables, "waits for no ruling");
    }

    /** The collector names its catalog submission through the API. */
    @Transactional
    public Consultation register(Official by, String id, String submissionId) {
        Consultation consultation = require(id);
        if (!by.has(Role.PROVIDER_REVIEWER) || !by.department().equals(consultation.collectingDepartment())) {
            throw new AccessDeniedException("the resource is registered by the collecting department's PROVIDER_REVIEWER officials");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("submissionId", submissionId);
        return cases.complete(consultation, "Task_RegisterResource", variables, "waits for no registration");
    }

    // ---- reading ----

    /** A consultation as the departments it concerns and the authority see it. */
    public Consultation visibleTo(Official by, String id) {
        return cases.visibleTo(by, id, c -> by.has(Role.SUPERVISOR) || c.concerns(by.department()),
                "a consultation is seen by the departments it concerns and the authority");
    }

    /** The consultations concerning the caller's department; the authority and supervisors see all. */
    public List<Consultation> list(Official by, int page, int size) {
        return store.list(by.has(Role.AUTHORITY) || by.has(Role.SUPERVISOR) ? null : by.department(), page, size);
    }

    public Consultation require(String id) {
        return cases.require(id);
    }

    private void requireDepartment(String field, String code) {
        if (blank(code)) {
            throw new InvalidInputException(field, "required", "name the department by its code");
        }
        if (departments.find(code).isEmpty()) {
            throw new InvalidInputException(field, "unknown-department", "no department " + code);
        }
    }

    private static Consultation.AnswerKind answerKind(String answer) {
        if ("WE_COLLECT".equals(answer) || "OUR_DUTY".equals(answer) || "NOT_OURS".equals(answer)) {
            return Consultation.AnswerKind.valueOf(answer);
        }
        throw new InvalidInputException("consultationAnswer", "unknown-value", "answer WE_COLLECT, OUR_DUTY or NOT_OURS");
    }

    private static String summary(Consultation c) {
        return ProcessText.fit(String.join("\n",
                "需求部门 Demanding department: " + c.demandingDepartment() + " (" + c.requestedBy() + ")",
                "所需信息 Information: " + c.information(),
                "数据项 Items: " + String.join(", ", c.items()),
                "用途 Purpose: " + c.purpose(),
                "法定职责 Duty: " + c.legalDuty(),
                "共享需求 Need: " + (c.needId() == null ? "—" : c.needId()),
                "协商部门 Consulted: " + c.answers().stream().map(Consultation.Answer::department).collect(Collectors.joining(", ")),
                "答复期限 Answer by: " + c.answerDue()), "the consultation");
    }

    private static String answersSummary(Consultation c) {
        return ProcessText.fit(c.answers().stream().map(a -> "• " + a.department() + ": " + a.answer()
                + (a.answeredBy() == null ? "" : " (" + a.answeredBy() + ", " + a.answeredAt() + ")")
                + (a.reasons() == null ? "" : " — " + a.reasons())).collect(Collectors.joining("\n")), "the consultation");
    }

    private static void requireText(List<InvalidInputException.FieldError> errors, String field, String value, String message) {
        if (blank(value)) {
            errors.add(new InvalidInputException.FieldError(field, "required", message));
        }
    }
}
