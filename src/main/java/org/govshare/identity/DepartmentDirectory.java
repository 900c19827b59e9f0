package org.govshare.identity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The departments on the platform: a row of attributes each, and a Camunda group of type {@code department}. */
@Service
public class DepartmentDirectory {

    public static final String GROUP_TYPE = "department";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern RANGE = Pattern.compile("\\d{3}");

    private final DepartmentStore store;
    private final IdentityService identityService;
    private final AuditTrail auditTrail;

    DepartmentDirectory(DepartmentStore store, IdentityService identityService, AuditTrail auditTrail) {
        this.store = store;
        this.identityService = identityService;
        this.auditTrail = auditTrail;
    }

    @Transactional
    public Department register(Department department) {
        if (department.code() == null || !CODE.matcher(department.code()).matches()) {
            throw new InvalidInputException("code", "department-code-format",
                    "a department code is 2 to 63 lower-case letters, digits or dashes, starting with a letter");
        }
        if (department.regionCode() == null || !REGION.matcher(department.regionCode()).matches()) {
            throw new InvalidInputException("regionCode", "region-code-format",
                    "the region code is the 6-digit administrative division code (GB/T 2260), e.g. 410100");
        }
        if (department.catalogRange() != null && !RANGE.matcher(department.catalogRange()).matches()) {
            throw new InvalidInputException("catalogRange", "catalog-range-format", "a catalog range is 3 digits, e.g. 101");
        }
        if (find(department.code()).isPresent()) {
            throw new ConflictException("code", "department-code-unique", "department '" + department.code() + "' exists already");
        }
        store.insert(department);
        Group group = identityService.newGroup(department.code());
        group.setName(department.nameZh() + " " + department.nameEn());
        group.setType(GROUP_TYPE);
        identityService.saveGroup(group);
        auditTrail.record(AuditEntry.ok(AuditAction.DEPARTMENT_REGISTERED, "department", department.code())
                .with("tier", department.tier()).with("regionCode", department.regionCode())
                .with("kind", department.kind()));
        return department;
    }

    public Optional<Department> find(String code) {
        return store.find(code);
    }

    public Department require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("department", code));
    }

    public List<Department> all() {
        return store.all();
    }
}
