package org.govshare.complaint;

import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Workgroups;
import org.springframework.stereotype.Component;

/**
 * Which sharing authority hears a complaint (Art. 32): the one of the respondent's tier and region; where a district
 * has none of its own, the municipal authority (the platform's configured one), which oversees every district.
 */
@Component
class ComplaintRouting {

    private final DepartmentDirectory departments;
    private final Workgroups workgroups;

    ComplaintRouting(DepartmentDirectory departments, Workgroups workgroups) {
        this.departments = departments;
        this.workgroups = workgroups;
    }

    /** The code of the sharing authority that investigates a complaint against this department. */
    String authorityFor(Department respondent) {
        return departments.all().stream()
                .filter(d -> d.kind() == DepartmentKind.SHARING_AUTHORITY && d.tier() == respondent.tier()
                        && d.regionCode().equals(respondent.regionCode()))
                .map(Department::code).sorted().findFirst()
                .orElse(workgroups.authorityDepartment());
    }
}
