package org.govshare.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.govshare.audit.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated official: one department, one or more roles.
 *
 * @param login the Camunda user id
 * @param name display name
 * @param department the department code (null only for platform administrators)
 * @param roles the roles held in that department
 * @param groupIds every Camunda group the official is in, for the engine's authorization checks
 */
public record Official(String login, String name, String department, Set<Role> roles, List<String> groupIds)
        implements Caller {

    @Override
    public String id() {
        return login;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Officials see their own department; the sharing authority and supervisors see every department. */
    public boolean maySee(String departmentCode) {
        return java.util.Objects.equals(departmentCode, department) || has(Role.AUTHORITY) || has(Role.SUPERVISOR);
    }

    public Collection<GrantedAuthority> authorities() {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public Actor actor() {
        return new Actor(login, department);
    }
}
