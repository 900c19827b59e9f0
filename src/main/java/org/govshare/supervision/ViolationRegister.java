package org.govshare.supervision;

import static org.govshare.platform.FormValues.blank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
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

    private final ViolationStore store;
    private final CaseNumbers numbers;
    private final AuditTrail auditTrail;
    private final DepartmentDirectory departments;
    private final Clock clock;

    ViolationRegister(ViolationStore store, CaseNumbers numbers, AuditTrail auditTrail, DepartmentDirectory departments,
                      Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.auditTrail = auditTrail;
        this.departments = departments;
        this.clock = clock;
    }

    /** A violation the platform detected itself, with the evidence it rests on. */
    public Violation recordDetected(String department, ViolationType type, String description, String evidenceType,
                                    String evidenceId, Instant occurredAt) {
        return record(department, type, description, evidenceType, evidenceId, occurredAt, Violation.Source.AUTOMATIC,
                "system");
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
                .orElse(null);
        if (type == null) {
            errors.add(new InvalidInputException.FieldError("type", "violation-type",
                    "the type is one of the acts of Art. 33: " + Arrays.toString(ViolationType.values())));
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
        } else if (input.occurredAt().isAfter(clock.instant())) {
            errors.add(new InvalidInputException.FieldError("occurredAt", "not-in-future", "a violation has already happened"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return record(input.department(), type, input.description().strip(), input.evidenceType(),
                input.evidenceId().strip(), input.occurredAt(), Violation.Source.MANUAL, by.login());
    }

    private Violation record(String department, ViolationType type, String description, String evidenceType,
                             String evidenceId, Instant occurredAt, Violation.Source source, String recordedBy) {
        Violation violation = new Violation(numbers.next("WG"), department, type, type.article(), description,
                evidenceType, evidenceId, occurredAt, clock.instant(), source, recordedBy, Violation.Status.OPEN);
        store.insert(violation);
        auditTrail.record(AuditEntry.ok(AuditAction.VIOLATION_RECORDED, "violation", violation.id())
                .with("department", department).with("type", type).with("article", type.article())
                .with("evidence", evidenceType + ":" + evidenceId).with("source", violation.source()));
        return violation;
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


    /** The violations recorded on a piece of evidence, e.g. a sharing request. */
    public List<Violation> onEvidence(String evidenceType, String evidenceId) {
        return store.onEvidence(evidenceType, evidenceId);
    }
}
