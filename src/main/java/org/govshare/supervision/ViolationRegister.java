package org.govshare.supervision;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.cases.CaseNumbers;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of violations (Art. 33). Processes record what the platform detects (a reply too late); the
 * rectification process of a later issue works from these records. A department sees its own; the authority and
 * supervisors see all.
 */
@Service
public class ViolationRegister {

    private static final Pattern EVIDENCE_TYPE = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    private final ViolationTaxonomy taxonomy;
    private final ViolationStore store;
    private final CaseNumbers numbers;
    private final AuditTrail auditTrail;
    private final DepartmentDirectory departments;
    private final Today today;

    ViolationRegister(ViolationStore store, CaseNumbers numbers, AuditTrail auditTrail, DepartmentDirectory departments,
                      Today today, ViolationTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.store = store;
        this.numbers = numbers;
        this.auditTrail = auditTrail;
        this.departments = departments;
        this.today = today;
    }

    /**
     * A violation a deadline timer found (a reply too late), about the case that is its evidence. Recorded once: when
     * the daily detection or another node finds the same act, the record already made is answered.
     */
    public Violation recordDetected(String department, ViolationType type, String description, String evidenceType,
                                    String evidenceId, Instant occurredAt) {
        return record(new Detected(department, type, evidenceId, occurredAt.atZone(today.zone()).toLocalDate(), null,
                description, evidenceType, evidenceId, List.of(evidenceId), false), occurredAt, Violation.Source.AUTOMATIC,
                "system").violation();
    }

    /**
     * A finding of the supervision rules: OPEN when it rests on a hard fact (a deadline passed), SUSPECTED when on
     * figures, for the authority to confirm or dismiss. Once per department, type, subject and day.
     */
    public Recorded recordFinding(Detected finding) {
        return record(finding, finding.day().atStartOfDay(today.zone()).toInstant(), Violation.Source.AUTOMATIC, "system");
    }

    /** A violation a complaint was found to substantiate, recorded by the authority official who found it. */
    public Recorded recordFromComplaint(Detected finding, Instant occurredAt, String foundBy) {
        return record(finding, occurredAt, Violation.Source.COMPLAINT, foundBy);
    }

    /** A violation the authority found (an inspection, a complaint) and records by hand, checked field by field. */
    @Transactional
    public Violation recordManual(Official by, NewViolation input) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("violations are recorded by hand by the sharing authority");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (blank(input.department())) {
            errors.add(new InvalidInputException.FieldError("department", "required", "name the department that committed it"));
        } else if (departments.find(input.department()).filter(d -> d.kind() == DepartmentKind.ADMINISTRATIVE).isEmpty()) {
            errors.add(new InvalidInputException.FieldError("department", "known-administrative-department",
                    "'" + input.department() + "' is not an administrative department on the platform"));
        }
        ViolationType type = Arrays.stream(ViolationType.values()).filter(t -> t.name().equals(input.type())).findFirst()
                .filter(t -> taxonomy.item(t).isPresent()).orElse(null);
        if (type == null) {
            errors.add(new InvalidInputException.FieldError("type", "violation-type", "the type is one of the acts of "
                    + taxonomy.law() + " the rule pack lists: " + Arrays.stream(ViolationType.values())
                    .filter(t -> taxonomy.item(t).isPresent()).toList()));
        }
        if (blank(input.description()) || input.description().strip().length() > 2000) {
            errors.add(new InvalidInputException.FieldError("description", "required-at-most-2000",
                    "describe what happened, in at most 2000 characters"));
        }
        if (input.evidenceType() == null || !EVIDENCE_TYPE.matcher(input.evidenceType()).matches()) {
            errors.add(new InvalidInputException.FieldError("evidenceType", "evidence-type-format",
                    "what the evidence is, 2 to 32 lower-case letters, digits or dashes, e.g. inspection-report"));
        }
        if (blank(input.evidenceId()) || input.evidenceId().strip().length() > 64) {
            errors.add(new InvalidInputException.FieldError("evidenceId", "required-at-most-64",
                    "which piece of evidence (its number), in at most 64 characters"));
        }
        if (input.occurredAt() == null) {
            errors.add(new InvalidInputException.FieldError("occurredAt", "required", "when the act happened"));
        } else if (input.occurredAt().isAfter(today.now())) {
            errors.add(new InvalidInputException.FieldError("occurredAt", "not-in-future", "a violation has already happened"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String evidenceId = input.evidenceId().strip();
        Recorded recorded = record(new Detected(input.department(), type, evidenceId,
                input.occurredAt().atZone(today.zone()).toLocalDate(), null, input.description().strip(),
                input.evidenceType(), evidenceId, List.of(evidenceId), false), input.occurredAt(), Violation.Source.MANUAL,
                by.login());
        if (!recorded.isNew()) {
            throw new ConflictException("evidenceId", "violation-recorded-once", "this act (" + type + " by "
                    + input.department() + " on " + evidenceId + " that day) is recorded already as "
                    + recorded.violation().id());
        }
        return recorded.violation();
    }

    /**
     * Records the violation unless it is recorded already; the audit trail has one VIOLATION_RECORDED per violation.
     * A case number is drawn only for a new record, so numbers skipped by a repeat are none.
     */
    private Recorded record(Detected finding, Instant occurredAt, Violation.Source source, String recordedBy) {
        Optional<Violation> earlier = store.recorded(finding.department(), finding.type(), finding.subject(), finding.day());
        if (earlier.isPresent()) {
            return new Recorded(earlier.get(), false);
        }
        String article = article(finding.type());
        Violation violation = new Violation(numbers.next("WG"), finding.department(), finding.type(),
                article, finding.description(), finding.evidenceType(), finding.evidenceId(), occurredAt,
                today.now(), source, recordedBy, finding.suspected() ? Violation.Status.SUSPECTED : Violation.Status.OPEN,
                finding.subject(), finding.day(), finding.rule(), finding.evidence(), null, null);
        if (!store.insertOnce(violation)) {
            // another node or run recorded it between the look and the insert
            return new Recorded(store.recorded(finding.department(), finding.type(), finding.subject(), finding.day())
                    .orElseThrow(), false);
        }
        auditTrail.record(AuditEntry.ok(AuditAction.VIOLATION_RECORDED, "violation", violation.id())
                .with("department", finding.department()).with("type", finding.type())
                .with("article", article).with("subject", finding.subject())
                .with("evidence", finding.evidenceType() + ":" + finding.evidenceId()).with("source", source)
                .with("status", violation.status()).with("rule", finding.rule()));
        return new Recorded(violation, true);
    }

    /** The item the pack in force puts the act under; a type the pack does not list keeps the platform's own. */
    private String article(ViolationType type) {
        return taxonomy.item(type).map(ViolationTaxonomy.Item::item).orElse(type.article());
    }

    /**
     * What a rule, a timer or a complaint found, before it is recorded.
     *
     * @param subject what the act is about (a case number, a resource code, a grant)
     * @param day the day the act happened (for a continuing act, the day it began)
     * @param rule the rule that found it, or null
     * @param evidenceType what the main piece of evidence is, e.g. {@code sharing-request}, {@code resource}
     * @param evidenceId which one
     * @param evidence everything it rests on: case numbers, {@code audit:<id>}, {@code version:<n>}
     * @param suspected found from figures rather than facts: SUSPECTED until the authority decides
     */
    public record Detected(String department, ViolationType type, String subject, LocalDate day, String rule,
                           String description, String evidenceType, String evidenceId, List<String> evidence,
                           boolean suspected) {

        public Detected {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** The violation, and whether this call recorded it ({@code false}: it was recorded before). */
    public record Recorded(Violation violation, boolean isNew) {
    }

    /**
     * A page of the violations an official may see, newest first: their department's, or all for the authority and
     * supervisors.
     */
    public List<Violation> visibleTo(Official official, String department, int page, int size) {
        boolean overseer = official.has(Role.AUTHORITY) || official.has(Role.SUPERVISOR);
        if (department != null && !department.equals(official.department()) && !overseer) {
            throw new AccessDeniedException("a department sees its own violations; the authority and supervisors see all");
        }
        String only = department != null ? department : overseer ? null : official.department();
        return store.page(only, page, size);
    }

    public Violation require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("violation", id));
    }

    public Optional<Violation> find(String id) {
        return store.find(id);
    }

    /**
     * Moves a violation on as its rectification goes (OPEN → RECTIFYING → RECTIFIED, or → CRITICISED → REFERRED),
     * only from the status expected: two steps racing cannot both move it.
     */
    void move(String id, Violation.Status from, Violation.Status to) {
        if (!store.move(id, from, to)) {
            throw new ConflictException("status", "violation-" + from.name().toLowerCase() + "-only",
                    "violation " + id + " is " + require(id).status() + ", not " + from);
        }
    }


    /**
     * The authority's decision on a SUSPECTED violation: confirmed, it is OPEN and may be ordered rectified;
     * dismissed, it is DISMISSED, and a dismissal gives its reasons. Decided from the stored status: only a SUSPECTED
     * violation moves, so two decisions racing cannot both stand. Audited as VIOLATION_CONFIRMED or
     * VIOLATION_DISMISSED.
     *
     * @param by the login of the authority official who decides (checked by the caller)
     */
    @Transactional
    public Violation decideSuspicion(String id, boolean confirmed, String by, String reason) {
        String why = blank(reason) ? null : reason.strip();
        if (!confirmed && why == null) {
            throw new InvalidInputException("reason", "dismissal-needs-reason", "say why the suspicion is dismissed;"
                    + " the department reads it");
        }
        if (why != null && why.length() > 2000) {
            throw new InvalidInputException("reason", "at-most-2000", "the reasons take at most 2000 characters");
        }
        Violation.Status to = confirmed ? Violation.Status.OPEN : Violation.Status.DISMISSED;
        if (!store.decide(id, to, by, today.now(), why)) {
            throw new ConflictException("status", "decide-suspected-only", id + " is " + require(id).status()
                    + "; only a SUSPECTED violation is confirmed or dismissed");
        }
        Violation decided = require(id);
        auditTrail.record(AuditEntry.ok(confirmed ? AuditAction.VIOLATION_CONFIRMED : AuditAction.VIOLATION_DISMISSED,
                        "violation", id).because(why).with("department", decided.department())
                .with("type", decided.type()).with("subject", decided.subject()).with("rule", decided.rule()));
        return decided;
    }

    /** The violations recorded on a piece of evidence, e.g. a sharing request. */
    public List<Violation> onEvidence(String evidenceType, String evidenceId) {
        return store.onEvidence(evidenceType, evidenceId);
    }
}
