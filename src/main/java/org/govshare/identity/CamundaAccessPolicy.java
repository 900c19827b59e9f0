package org.govshare.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    static final String DEPARTMENT_TASKS_FILTER = "部门任务 My department's tasks";

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
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            // group names for Tasklist's candidate groups; users stay private to their department (each official
            // reads their own profile, which the engine grants when the user is created)
            grant(group, Resources.GROUP, ANY, Permissions.READ);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
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
        ensureDepartmentTasksFilter();
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

    /** A Tasklist filter of the tasks addressed to the user's workgroups or assigned to them. */
    private void ensureDepartmentTasksFilter() {
        if (filterService.createFilterQuery().filterName(DEPARTMENT_TASKS_FILTER).count() > 0) {
            return;
        }
        TaskQuery query = taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        Filter filter = filterService.newTaskFilter(DEPARTMENT_TASKS_FILTER)
                .setQuery(query)
                .setProperties(Map.of("description", "本部门本角色的任务 Tasks of my department and role",
                        "priority", -10, "refresh", true));
        filterService.saveFilter(filter);
    }
}
