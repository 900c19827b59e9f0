package org.govshare.catalog;

import static org.govshare.platform.FormValues.blank;

import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Today;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Official;
import org.govshare.identity.Workgroups;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Source departments (数源部门, Art. 19 of the national regulation, step {@code source-department}): where several
 * departments collect the same information, the sharing authority names the one whose collection is authoritative,
 * on a published resource of the catalog, by hand or through the ruling of a collection consultation. One per
 * resource; naming again replaces it (the audit trail keeps every naming).
 */
@Service
public class SourceDepartments {

    private final CatalogStore store;
    private final PackInForce pack;
    private final DepartmentDirectory departments;
    private final Workgroups workgroups;
    private final AuditTrail auditTrail;
    private final Today today;

    SourceDepartments(CatalogStore store, PackInForce pack, DepartmentDirectory departments, Workgroups workgroups,
                      AuditTrail auditTrail, Today today) {
        this.store = store;
        this.pack = pack;
        this.departments = departments;
        this.workgroups = workgroups;
        this.auditTrail = auditTrail;
        this.today = today;
    }

    /** Whether the pack in force has the authority name source departments. */
    public boolean named() {
        return pack.on(OptionalStep.SOURCE_DEPARTMENT);
    }

    /** The authority names the source department of a published resource, saying why. */
    @Transactional
    public SourceDepartment name(Official by, String code, String department, String basis) {
        StepOff.require(pack, OptionalStep.SOURCE_DEPARTMENT, "the catalog names no source departments");
        if (!workgroups.actsForTheAuthority(by)) {
            throw new AccessDeniedException("source departments are named by the sharing authority (Art. 19)");
        }
        if (blank(basis) || basis.strip().length() > 2000) {
            throw new InvalidInputException("basis", "required-at-most-2000",
                    "say why this department's collection is the authoritative one, in at most 2000 characters");
        }
        return record(code, department, basis.strip(), null, by.login());
    }

    /**
     * A collection consultation's ruling named who collects information the catalog lacked; the resource it registered
     * is published: that department is its source department.
     */
    public SourceDepartment nameByRuling(String code, String department, String consultationId, String reasons) {
        return record(code, department, reasons, consultationId, workgroups.authorityDepartment());
    }

    private SourceDepartment record(String code, String department, String basis, String consultationId, String by) {
        CatalogListing listing = store.current(code).orElseThrow(() -> new NotFoundException("published resource", code));
        if (!"PUBLISHED".equals(listing.status())) {
            throw new ConflictException("code", "published-resource", code + " is " + listing.status()
                    + "; a source department is named for a published resource");
        }
        if (blank(department) || departments.find(department).filter(d -> d.kind() == DepartmentKind.ADMINISTRATIVE).isEmpty()) {
            throw new InvalidInputException("department", "known-administrative-department",
                    "'" + department + "' is not an administrative department on the platform");
        }
        SourceDepartment named = new SourceDepartment(code, department, basis, consultationId, by, today.now());
        store.setSourceDepartment(named);
        auditTrail.record(AuditEntry.ok(AuditAction.CATALOG_SOURCE_DEPARTMENT_NAMED, "catalog-resource", code)
                .with("department", department).with("consultation", consultationId).because(basis));
        return named;
    }
}
