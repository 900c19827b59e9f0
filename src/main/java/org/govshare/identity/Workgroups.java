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

    /**
     * Whether the official acts for the platform's sharing authority: holds the role in the authority's own
     * department. A district authority's officials hold the role too, for the complaints routed to their district,
     * and no more.
     */
    public boolean actsForTheAuthority(Official official) {
        return official.has(Role.AUTHORITY) && properties.authorityDepartment().equals(official.department());
    }
}
