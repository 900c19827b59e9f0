package org.govshare.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may see what in Camunda's webapps and REST API (Art. 27: access control per department and role).
 *
 * <p>Every official uses Tasklist, and the engine itself gives a task's candidate workgroup the right to read and
 * work it, so an official sees only the tasks of their department and role. Process owners read everything in
 * Cockpit and change nothing. Admin stays with {@code camunda-admin}. Applied at every start, idempotently.
 */
@Component
@Order(1)
class CamundaAccessPolicy implements ApplicationRunner {

    static final String DEPARTMENT_TASKS_FILTER = "我的部门待办 My department's tasks";
    static final String DUE_SOON_FILTER = "即将到期 Due within 2 working days";
    static final String OVERDUE_FILTER = "已逾期 Overdue";
    /** The name of the first department filter, renamed in place so that links to it keep working. */
    private static final String FORMER_DEPARTMENT_TASKS_FILTER = "部门任务 My department's tasks";

    /** The case variables Tasklist shows on a task of a filter, where the task's process has them. */
    private static final List<Map<String, String>> SHOWN_VARIABLES = List.of(
            shown("requestNumber", "申请编号 Request number"),
            shown("resourceName", "资源名称 Resource"),
            shown("entryName", "目录名称 Catalog entry"),
            shown("reportNumber", "纠错编号 Error report number"),
            shown("caseNumber", "案件编号 Case number"),
            shown("disputeNumber", "争议编号 Dispute number"),
            shown("consultationNumber", "征询编号 Consultation number"),
            shown("violationId", "违规编号 Violation number"),
            shown("applicant", "申请人 Applicant"));

    /** Processes any official may start. */
    private static final List<String> OPEN_PROCESSES = List.of("role-request");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    CamundaAccessPolicy(IdentityService identityService, AuthorizationService authorizationService,
                        FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            ensureRoleGroup(role);
            String group = role.groupId();
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // group names for Tasklist's candidate groups; users stay private to their department (each official
            // reads their own profile, which the engine grants when the user is created)
            grant(group, Resources.GROUP, ANY, Permissions.READ);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            // the processes' names and diagrams, shown with each task; which instances an official may read is
            // decided per task (WorkgroupsReadTheirCases)
            grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
            for (String process : OPEN_PROCESSES) {
                grant(group, Resources.PROCESS_DEFINITION, process,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
        String owners = Role.PROCESS_OWNER.groupId();
        grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(owners, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(owners, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(owners, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(owners, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        revokeReadingEveryFilter();
        ensureTaskFilters();
    }

    private void ensureRoleGroup(Role role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(role.groupId());
        group.setName(role.title());
        group.setType(Role.GROUP_TYPE);
        identityService.saveGroup(group);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list().stream().findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(groupId);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * The shared Tasklist filters: the tasks addressed to the user's workgroups or assigned to them, all of them, those
     * due by the end of the second working day (the platform's working-day calendar, bean {@code workdays}) and the
     * overdue ones. Every official reads them; nobody but an admin changes them. Redefined at every start.
     */
    private void ensureTaskFilters() {
        ensureTaskFilter(DEPARTMENT_TASKS_FILTER, "本部门本角色的待办任务，按到期时间排序 "
                + "Tasks of my department and role, and tasks assigned to me, by due date", -30, departmentTasks());
        ensureTaskFilter(DUE_SOON_FILTER, "两个工作日内（第二个工作日结束前，按法定工作日历）到期的任务 "
                + "Tasks due by the end of the 2nd working day from now (official working-day calendar)", -20,
                departmentTasks().dueBeforeExpression("${workdays.after(2)}"));
        ensureTaskFilter(OVERDUE_FILTER, "已过到期时间的任务 Tasks past their due date", -10,
                departmentTasks().dueBeforeExpression("${now()}"));
    }

    private TaskQuery departmentTasks() {
        return taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private void ensureTaskFilter(String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst()
                .or(() -> DEPARTMENT_TASKS_FILTER.equals(name)
                        ? filterService.createFilterQuery().filterName(FORMER_DEPARTMENT_TASKS_FILTER).list().stream()
                                .findFirst()
                        : Optional.empty())
                .orElseGet(() -> filterService.newTaskFilter(name));
        filter.setName(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                        "variables", SHOWN_VARIABLES));
        filterService.saveFilter(filter);
        for (Role role : Role.values()) {
            grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    /** Officials read the shared filters only, not every filter someone saves (granted so until these filters). */
    private void revokeReadingEveryFilter() {
        for (Role role : Role.values()) {
            authorizationService.createAuthorizationQuery()
                    .authorizationType(AUTH_TYPE_GRANT).groupIdIn(role.groupId())
                    .resourceType(Resources.FILTER).resourceId(ANY).list()
                    .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        }
    }

    private static Map<String, String> shown(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
