package org.govshare.identity;

import org.springframework.stereotype.Component;

/**
 * The candidate groups of tasks, for the processes: {@code camunda:candidateGroups="${workgroups.authority()}"}
 * or {@code "${workgroups.of(providerDepartment, 'PROVIDER_REVIEWER')}"}. Keeps department codes out of BPMN.
 */
@Component("workgroups")
public class Workgroups {

    private final IdentityProperties properties;

    Workgroups(IdentityProperties properties) {
        this.properties = properties;
    }

    /** The sharing authority's officers. */
    public String authority() {
        return Role.AUTHORITY.workgroupOf(properties.authorityDepartment());
    }

    /** The officials holding a role in a department. */
    public String of(String department, String role) {
        return Role.valueOf(role).workgroupOf(department);
    }

    public String authorityDepartment() {
        return properties.authorityDepartment();
    }
}
