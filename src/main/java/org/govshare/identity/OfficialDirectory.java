package org.govshare.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officials: Camunda users, each in one department group, in role groups, and in the workgroups of their
 * department and roles.
 */
@Service
public class OfficialDirectory {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final IdentityService identityService;
    private final DepartmentDirectory departments;
    private final AuditTrail auditTrail;

    OfficialDirectory(IdentityService identityService, DepartmentDirectory departments, AuditTrail auditTrail) {
        this.identityService = identityService;
        this.departments = departments;
        this.auditTrail = auditTrail;
    }

    /**
     * A new official of a department.
     *
     * @param login lower-case login, e.g. {@code gaj.zhang}
     * @param firstName given name
     * @param lastName family name
     * @param email work e-mail address, may be empty
     * @param password initial password
     * @param department the department code
     */
    public record NewOfficial(String login, String firstName, String lastName, String email, String password,
                              String department) {
    }

    @Transactional
    public void register(NewOfficial official) {
        if (official.login() == null || !LOGIN.matcher(official.login()).matches()) {
            throw new InvalidInputException("login", "login-format",
                    "a login is 2 to 64 lower-case letters, digits, dots, dashes or underscores");
        }
        if (SystemCaller.isClientId(official.login())) {
            throw new InvalidInputException("login", "login-reserved-for-systems", "logins starting with '"
                    + SystemCaller.CLIENT_ID_PREFIX + "' are the client ids of registered systems; choose another login");
        }
        if (official.password() == null || official.password().length() < 4) {
            throw new InvalidInputException("password", "password-length", "a password has at least 4 characters");
        }
        departments.require(official.department());
        if (identityService.createUserQuery().userId(official.login()).count() > 0) {
            throw new ConflictException("login", "login-unique", "login '" + official.login() + "' is taken");
        }
        User user = identityService.newUser(official.login());
        user.setFirstName(official.firstName());
        user.setLastName(official.lastName());
        user.setEmail(official.email());
        user.setPassword(official.password());
        identityService.saveUser(user);
        identityService.createMembership(official.login(), official.department());
        auditTrail.record(AuditEntry.ok(AuditAction.OFFICIAL_REGISTERED, "official", official.login())
                .with("department", official.department()));
    }

    /** Gives an official a role in their department, if that kind of department may hold it. */
    @Transactional
    public void grantRole(String login, Role role) {
        Official official = load(login).orElseThrow(() -> new NotFoundException("official", login));
        if (official.has(role)) {
            return;
        }
        Department department = requireRoleAllowed(official, role, "role");
        String workgroup = role.workgroupOf(department.code());
        if (identityService.createGroupQuery().groupId(workgroup).count() == 0) {
            Group group = identityService.newGroup(workgroup);
            group.setName(department.nameZh() + " " + role.title());
            group.setType(Role.WORKGROUP_TYPE);
            identityService.saveGroup(group);
        }
        identityService.createMembership(login, role.groupId());
        identityService.createMembership(login, workgroup);
        auditTrail.record(AuditEntry.ok(AuditAction.ROLE_GRANTED, "official", login)
                .with("role", role).with("department", department.code()));
    }

    /**
     * The official's department, if that kind of department may hold the role; otherwise a refusal naming the
     * request field the role came in.
     */
    public Department requireRoleAllowed(Official official, Role role, String field) {
        Department department = departments.require(official.department());
        if (!role.allowedIn(department.kind())) {
            throw new InvalidInputException(field, "role-not-allowed-in-department",
                    "the role " + role + " cannot be held in " + department.nameEn() + " (" + department.kind() + ")");
        }
        return department;
    }

    /** The official with these credentials, if they are right. */
    public Optional<Official> authenticate(String login, String password) {
        if (login == null || password == null || !identityService.checkPassword(login, password)) {
            return Optional.empty();
        }
        return load(login);
    }

    public Optional<Official> load(String login) {
        User user = identityService.createUserQuery().userId(login).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        List<Group> groups = identityService.createGroupQuery().groupMember(login).list();
        String department = groups.stream().filter(g -> DepartmentDirectory.GROUP_TYPE.equals(g.getType()))
                .map(Group::getId).findFirst().orElse(null);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groups.stream().filter(g -> Role.GROUP_TYPE.equals(g.getType()))
                .forEach(g -> Role.ofGroupId(g.getId()).ifPresent(roles::add));
        String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).trim();
        return Optional.of(new Official(login, name.isEmpty() ? login : name, department, Set.copyOf(roles),
                groups.stream().map(Group::getId).toList()));
    }

    /** Whether a login is an official of a department: one query, where {@link #load} takes two. */
    public boolean isOfficialOf(String login, String department) {
        return identityService.createUserQuery().userId(login).memberOfGroup(department).count() > 0;
    }

    /** A page of a department's officials, by login. */
    public List<Official> officialsOf(String department, int page, int size) {
        return identityService.createUserQuery().memberOfGroup(department).orderByUserId().asc()
                .listPage(page * size, size).stream()
                .map(user -> load(user.getId()).orElseThrow())
                .toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
