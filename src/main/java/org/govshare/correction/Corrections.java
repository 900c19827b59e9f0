package org.govshare.correction;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.SharingMethod;
import org.govshare.dataset.DataSlice;
import org.govshare.dataset.DataVersion;
import org.govshare.dataset.HostedDatasets;
import org.govshare.dataset.ItemFilter;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.grant.Reveal;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.ProcessText;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.platform.web.RefusedException;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Error correction (Art. 21, 24): a consumer holding a grant reports wrong shared data with evidence; the sharing
 * authority forwards it to the provider or closes it as not an error; the provider corrects it (a new data version)
 * or explains why the data is right within the working-day verification deadline. While a report is open its record
 * is marked "under verification" in data answers. Owns the {@code error-correction} process: each step is one call
 * here and finds its report by process instance.
 */
@Service
public class Corrections {

    public static final String PROCESS = "error-correction";
    static final CaseKind KIND = new CaseKind(PROCESS, "JC", "reportNumber", "error report", "error-report");
    static final String TRIAGE_TASK = "Task_TriageReport";
    static final String VERIFY_TASK = "Task_VerifyReport";

    private final CorrectionStore store;
    private final Catalog catalog;
    private final HostedDatasets hosted;
    private final Grants grants;
    private final ViolationRegister violations;
    private final Cases<ErrorReport> cases;
    private final CorrectionProperties properties;

    Corrections(CorrectionStore store, Catalog catalog, HostedDatasets hosted, Grants grants,
                ViolationRegister violations, CaseEngine engine,
                CorrectionProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.hosted = hosted;
        this.grants = grants;
        this.violations = violations;
        this.cases = engine.cases(KIND, store.rows());
        this.properties = properties;
    }

    /** A consumer's report: checked, numbered, stored with its evidence, and its process started. */
    @Transactional
    public ErrorReport report(Official by, NewReport asked, EvidenceFile evidence) {
        String code = asked.resourceCode() == null ? "" : asked.resourceCode().strip();
        if (code.isEmpty()) {
            throw new InvalidInputException("resourceCode", "required", "name the resource the wrong data is in");
        }
        CatalogListing listing = catalog.current(code).filter(l -> "PUBLISHED".equals(l.status()))
                .orElseThrow(() -> new NotFoundException("published resource", code));
        CatalogEntry entry = listing.entry();
        List<Grant> held = grants.heldBy(by.department(), code);
        if (held.isEmpty()) {
            throw new RefusedException("resourceCode", "no-grant", by.department() + " holds no valid grant for " + code
                    + "; errors are reported by the departments the data is shared with");
        }
        if (entry.sharingMethod() != SharingMethod.HOSTED_DATASET) {
            throw new ConflictException("resourceCode", "hosted-dataset-only", code + " is served by its provider's own"
                    + " service; report its errors to the provider directly");
        }
        List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        String item = asked.item() == null ? "" : asked.item().strip();
        if (entry.items().stream().noneMatch(d -> d.name().equals(item))) {
            errors.add(new InvalidInputException.FieldError("item", "unknown-item", "'" + item + "' is not an item of "
                    + code));
        }
        if (blank(asked.problem())) {
            errors.add(new InvalidInputException.FieldError("problem", "required", "say what is wrong"));
        } else if (asked.problem().length() > 2000) {
            errors.add(new InvalidInputException.FieldError("problem", "length", "at most 2000 characters"));
        }
        if (asked.proposed() != null && asked.proposed().length() > 2000) {
            errors.add(new InvalidInputException.FieldError("proposed", "length", "at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> named = new LinkedHashMap<>(asked.keyValues());
        Grant under = underOneGrant(named(by, held, code), entry, item, named);
        DataSlice found = hosted.read(code, named.entrySet().stream()
                .map(e -> ItemFilter.equalTo(e.getKey(), String.valueOf(e.getValue()))).toList(), 0, 2);
        // the grant lets the reporter read with these same filters, so the count tells it nothing new
        if (found.total() != 1) {
            throw new InvalidInputException("keyValues", found.total() == 0 ? "no-such-record" : "record-not-unique",
                    found.total() == 0 ? "no record of the current data of " + code + " matches " + named
                            : found.total() + " records of " + code + " match " + named + "; name the record by more items");
        }
        String key = hosted.keysOf(code, found.records(), "keyValues").get(0);
        ErrorReport.Evidence checked = checkEvidence(evidence);
        ErrorReport report = new ErrorReport(cases.number(), null, code, entry.name(), entry.providerDepartment(),
                by.department(), by.login(), cases.now(), found.version(), key, named, item, asked.problem().strip(),
                blank(asked.proposed()) ? null : asked.proposed().strip(), checked, ErrorReport.Status.REPORTED, null, null,
                null, null, false, false, null, null, null, null, null, false, under.id());
        return asSeenBy(by, cases.open(report, r -> store.insert(r, evidence.content()),
                cases.entry(AuditAction.CORRECTION_REPORTED, report.id()).with("resource", code)
                        .with("provider", report.providerDepartment()).with("item", item).with("evidence", checked.name())
                        .with("evidenceType", checked.type()).with("evidenceSize", checked.size()),
                Map.of("resourceName", report.resourceName(), "reporterDepartment", report.reporterDepartment(),
                        "providerDepartment", report.providerDepartment())));
    }

    /** The grants naming the reporter among their users, as a read requires: a colleague not named learns nothing. */
    private static List<Grant> named(Official by, List<Grant> held, String code) {
        List<Grant> naming = held.stream().filter(g -> g.officials().contains(by.login())).toList();
        if (naming.isEmpty()) {
            throw new RefusedException("official", "not-named-on-grant", by.login() + " is not named on any grant of "
                    + by.department() + " for " + code + "; errors are reported by the officials the data is shared with");
        }
        return naming;
    }

    /**
     * A consumer reports only on an item one of its grants shows, and names the record only by items that grant lets
     * it match exactly, so a report tells it nothing a read under that grant would not (docs/access.md). One grant
     * must allow it all: two grants together would join what neither shows alone.
     */
    private static Grant underOneGrant(List<Grant> held, CatalogEntry entry, String item, Map<String, Object> named) {
        if (named.isEmpty()) {
            throw new InvalidInputException("keyValues", "required", "name the record by the values of items your"
                    + " grant lets you match, e.g. its key");
        }
        for (Grant grant : held) {
            Reveal reveal = Reveal.of(grant, entry);
            boolean matchable = named.keySet().stream().allMatch(i -> reveal.level(i) == Reveal.Level.CLEAR
                    || reveal.level(i) == Reveal.Level.VERIFIABLE);
            if (matchable && reveal.level(item) != Reveal.Level.HIDDEN) {
                return grant;
            }
        }
        Reveal first = Reveal.of(held.get(0), entry);
        if (held.stream().allMatch(g -> Reveal.of(g, entry).level(item) == Reveal.Level.HIDDEN)) {
            throw new RefusedException("item", "item-outside-grant", "'" + item + "' is not shown by any grant of yours"
                    + " for " + entry.code() + "; errors are reported on the data you were shared (Art. 21)");
        }
        named.keySet().forEach(i -> first.requireExact(i, "keyValues." + i));
        throw new RefusedException("keyValues", "filter-outside-grant", "no single grant of yours for " + entry.code()
                + " both shows '" + item + "' and lets you match " + named.keySet() + "; name the record under one grant");
    }

    private ErrorReport.Evidence checkEvidence(EvidenceFile file) {
        if (file == null) {
            throw new InvalidInputException("evidence", "required", "attach the evidence: a "
                    + String.join(", ", properties.evidenceTypes()) + " file");
        }
        EvidenceFile.Checked checked = file.checked("evidence", properties.maxEvidenceSize(), properties.evidenceTypes());
        return new ErrorReport.Evidence(checked.name(), checked.type(), checked.size());
    }

    // ---- steps of the error-correction process ----

    /**
     * The first step: binds the report named by the business key to its process instance, which every later step
     * finds it by, and tells the authority.
     *
     * @return what the triage form shows
     */
    public String register(String processInstanceId, String reportNumber) {
        ErrorReport report = cases.bind(processInstanceId, reportNumber, r -> r.status() == ErrorReport.Status.REPORTED);
        cases.send(cases.workgroups().authority(), "CORRECTION_REPORTED", "数据纠错 Error report " + report.id(),
                report.reporterDepartment() + " reports wrong data in " + report.resourceName() + ": forward it to "
                        + report.providerDepartment() + " or close it", report.id());
        return summary(report);
    }

    /** The authority's triage, checked against the stored report; FORWARD sets the provider's deadline. */
    public String recordTriage(String processInstanceId, Answer answer) {
        ErrorReport report = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(), "error reports are triaged by the sharing authority");
        if (report.status() != ErrorReport.Status.REPORTED) {
            throw new ConflictException("status", "triage-once", report.id() + " is " + report.status());
        }
        String decision = answer.decision() == null ? "" : answer.decision();
        String reasons = blank(answer.reasons()) ? null : answer.reasons().strip();
        switch (decision) {
            case "FORWARD" -> {
                Instant due = cases.due(Deadline.ERROR_VERIFICATION);
                store.setTriage(report.id(), actor.id(), reasons, ErrorReport.Status.IN_VERIFICATION, due,
                        cases.workdays().before(due, properties.reminderWorkingDays()));
                cases.send(cases.workgroup(report.providerDepartment(), Role.PROVIDER_REVIEWER), "CORRECTION_FORWARDED", "待核实纠错 Verify error report "
                        + report.id(), report.reporterDepartment() + " reports that " + report.item() + " of record "
                        + report.keyValues() + " in " + report.resourceName() + " is wrong; verify by " + due, report.id());
            }
            case "CLOSE" -> {
                if (reasons == null) {
                    throw new InvalidInputException("triageReasons", "close-needs-reasons",
                            "say why the data is not in error; the reporter is told");
                }
                store.setTriage(report.id(), actor.id(), reasons, report.status(), null, null);
                store.setAnswer(report.id(), ErrorReport.Outcome.NOT_AN_ERROR, actor.id(), reasons, null);
            }
            default -> throw new InvalidInputException("triageDecision", "unknown-value", "decide FORWARD or CLOSE");
        }
        cases.record(cases.entry(AuditAction.CORRECTION_TRIAGED, report.id()).with("decision", decision)
                .because(reasons));
        return decision;
    }

    /** The provider's answer, checked against the stored report: CORRECTED names a newer data version. */
    public String recordVerification(String processInstanceId, Answer answer) {
        ErrorReport report = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(report.providerDepartment(), "report " + report.id() + " is verified by "
                + report.providerDepartment());
        if (report.status() != ErrorReport.Status.IN_VERIFICATION || report.outcome() != null) {
            throw new ConflictException("status", "verify-once", report.id() + " is " + report.status());
        }
        String decision = answer.decision() == null ? "" : answer.decision();
        String reasons = blank(answer.reasons()) ? null : answer.reasons().strip();
        Integer version = null;
        switch (decision) {
            case "CORRECTED" -> {
                if (answer.correctedVersion() == null) {
                    throw new InvalidInputException("correctedVersion", "corrected-names-version",
                            "name the data version (from your UPSERT push) that carries the correction");
                }
                DataVersion pushed = hosted.version(report.resourceCode(), answer.correctedVersion())
                        .orElseThrow(() -> new InvalidInputException("correctedVersion", "version-unknown", report.resourceCode()
                                + " has no data version " + answer.correctedVersion()));
                if (pushed.version() <= report.dataVersion()) {
                    throw new InvalidInputException("correctedVersion", "version-after-report", "version " + pushed.version()
                            + " is not newer than version " + report.dataVersion() + ", which the report was made against;"
                            + " push the correction (UPSERT), then name the version the push answered with");
                }
                version = pushed.version();
            }
            case "EXPLAINED" -> {
                if (reasons == null) {
                    throw new InvalidInputException("verificationReasons", "explain-needs-reasons",
                            "say why the data is right; the reporter is told");
                }
            }
            default -> throw new InvalidInputException("verificationDecision", "unknown-value", "decide CORRECTED or EXPLAINED");
        }
        store.setAnswer(report.id(), ErrorReport.Outcome.valueOf(decision), actor.id(), reasons, version);
        cases.record(cases.entry(AuditAction.CORRECTION_VERIFIED, report.id()).with("decision", decision)
                .with("correctedVersion", version).because(reasons));
        return decision;
    }

    /** Every path ends here: the report closes, its mark clears, and the reporter is told the outcome. */
    public void close(String processInstanceId) {
        ErrorReport report = cases.lockedOfProcess(processInstanceId);
        store.close(report.id(), cases.now());
        ErrorReport.Outcome outcome = report.outcome();
        String body = switch (outcome) {
            case NOT_AN_ERROR -> "the sharing authority found no error: " + report.answerReasons();
            case CORRECTED -> report.providerDepartment() + " corrected the data in version " + report.correctedVersion()
                    + (report.answerReasons() == null ? "" : ": " + report.answerReasons());
            case EXPLAINED -> report.providerDepartment() + " verified the data and explains: " + report.answerReasons();
        };
        cases.record(cases.entry(AuditAction.CORRECTION_CLOSED, report.id()).with("outcome", outcome)
                .with("correctedVersion", report.correctedVersion()));
        cases.send(report.reportedBy(), "CORRECTION_" + outcome.name(), "纠错结果 Error report " + report.id() + ": "
                + outcome, body, report.id());
    }

    /** Two working days before the deadline: the provider's reviewers are reminded. */
    public void remind(String processInstanceId) {
        ErrorReport report = cases.ofProcess(processInstanceId);
        store.markReminded(report.id());
        cases.send(cases.workgroup(report.providerDepartment(), Role.PROVIDER_REVIEWER), "CORRECTION_REMINDER", "即将到期 Verify error report "
                + report.id() + " by " + report.verificationDue(), report.reporterDepartment() + " awaits your answer about "
                + report.resourceName() + "; the deadline is " + report.verificationDue(), report.id());
        cases.record(cases.entry(AuditAction.CORRECTION_REMINDED, report.id())
                .with("verificationDue", report.verificationDue().toString()));
    }

    /** The deadline passed unanswered: a "delayed correction" violation (Art. 33 iii); the task stays open. */
    public void recordDelayedCorrection(String processInstanceId) {
        ErrorReport report = cases.ofProcess(processInstanceId);
        store.markOverdue(report.id());
        violations.recordDetected(report.providerDepartment(), ViolationType.DELAYED_CORRECTION, "error report "
                        + report.id() + " from " + report.reporterDepartment() + " not verified by its deadline "
                        + report.verificationDue(), KIND.objectType(), report.id(), report.verificationDue());
        cases.record(cases.entry(AuditAction.CORRECTION_OVERDUE, report.id())
                .with("provider", report.providerDepartment()).with("verificationDue", report.verificationDue().toString()));
        cases.send(cases.workgroups().authority(), "CORRECTION_OVERDUE", "逾期未核实 Error report " + report.id() + " is overdue",
                report.providerDepartment() + " did not verify it by " + report.verificationDue(), report.id());
    }

    /** The candidate group of the verification task: the provider's PROVIDER_REVIEWER officials. */
    public String providerWorkgroup(String processInstanceId) {
        return cases.workgroup(cases.ofProcess(processInstanceId).providerDepartment(), Role.PROVIDER_REVIEWER);
    }

    /** The verification deadline, for the task's due date and its timer. */
    public Date verificationDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).verificationDue());
    }

    /** When the provider is reminded, for the reminder timer. */
    public Date reminderAt(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).reminderAt());
    }

    // ---- the platform API's doors to the tasks (Tasklist completes the same tasks) ----

    @Transactional
    public ErrorReport triage(Official by, String id, Answer answer) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("error reports are triaged by the sharing authority");
        }
        return cases.complete(require(id), TRIAGE_TASK, Map.of("triageDecision", text(answer.decision()),
                "triageReasons", text(answer.reasons())), "does not wait for triage");
    }

    @Transactional
    public ErrorReport verify(Official by, String id, Answer answer) {
        ErrorReport report = require(id);
        if (!report.providerDepartment().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("reports about " + report.providerDepartment() + "'s data are verified by its"
                    + " PROVIDER_REVIEWER officials");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("verificationDecision", text(answer.decision()));
        variables.put("verificationReasons", text(answer.reasons()));
        variables.put("correctedVersion", answer.correctedVersion());
        return cases.complete(report, VERIFY_TASK, variables, "does not wait for verification");
    }

    // ---- reading ----

    /**
     * The open reports of a resource a consumer department may see marked on its records read under a grant: its own
     * made under that grant, and those the provider published; stored record key → case numbers. Empty when none is open (the usual case, one indexed
     * query). Another consumer's report is never shown: that it exists tells what that consumer holds and doubts.
     */
    public Map<String, List<String>> openMarks(String resourceCode, String seenBy, String underGrant) {
        return store.openByKey(resourceCode, seenBy, underGrant);
    }

    /**
     * The provider publishes an open report as "under verification" to every consumer of the resource, when the doubt
     * is worth telling them all (Art. 21).
     */
    @Transactional
    public ErrorReport publish(Official by, String id) {
        ErrorReport report = cases.locked(id);
        if (!report.providerDepartment().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("a report is published by the provider's PROVIDER_REVIEWER officials");
        }
        if (!report.open()) {
            throw new ConflictException("status", "publish-open-only", id + " is closed; its mark is gone");
        }
        if (!report.published()) {
            store.publish(id);
            cases.record(cases.entry(AuditAction.CORRECTION_PUBLISHED, id).with("resource", report.resourceCode()));
        }
        return require(id);
    }

    /** A report as its reporting department, the provider or the authority sees it. */
    public ErrorReport visibleTo(Official by, String id) {
        return asSeenBy(by, cases.visibleTo(by, id, r -> r.reporterDepartment().equals(by.department())
                || r.providerDepartment().equals(by.department()),
                "a report is seen by its reporting department, the provider and the authority"));
    }

    private static ErrorReport asSeenBy(Official by, ErrorReport report) {
        return by.has(Role.AUTHORITY) || report.providerDepartment().equals(by.department()) ? report
                : report.withoutRecordKey();
    }

    /** The evidence file, to those who see the report; each download is audited. */
    @Transactional
    public Download evidence(Official by, String id) {
        ErrorReport report = visibleTo(by, id);
        cases.record(cases.entry(AuditAction.CORRECTION_EVIDENCE_READ, report.id())
                .with("evidence", report.evidence().name()));
        return new Download(report.evidence(), store.evidence(id));
    }

    /** An evidence file with its bytes. */
    public record Download(ErrorReport.Evidence evidence, byte[] content) {
    }

    /** The reports the caller's department made or received; the authority sees all. */
    public List<ErrorReport> list(Official by, ErrorReport.Status status, int page, int size) {
        return store.list(by.has(Role.AUTHORITY) ? null : by.department(), status, page, size).stream()
                .map(r -> asSeenBy(by, r)).toList();
    }

    public ErrorReport require(String id) {
        return cases.require(id);
    }

    private static String summary(ErrorReport r) {
        String text = String.join("\n",
                "报告单位 Reporter: " + r.reporterDepartment() + " (" + r.reportedBy() + ")",
                "资源 Resource: " + r.resourceCode() + " " + r.resourceName() + " — " + r.providerDepartment(),
                "记录 Record: " + r.keyValues(),
                "数据项 Item: " + r.item(),
                "问题 What is wrong: " + r.problem(),
                "建议值 Believed right: " + (r.proposed() == null ? "—" : r.proposed()),
                "证明材料 Evidence: " + r.evidence().name() + " (" + r.evidence().type() + ", " + r.evidence().size() + " bytes)");
        return ProcessText.fit(text, "the report");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
