package org.govshare.identity;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, the departments, and what a department's officials and tasks are. */
@RestController
@RequestMapping("/api")
class IdentityController {

    private final DepartmentDirectory departments;
    private final OfficialDirectory officials;
    private final RoleRequests roleRequests;
    private final TaskService taskService;

    IdentityController(DepartmentDirectory departments, OfficialDirectory officials, RoleRequests roleRequests,
                       TaskService taskService) {
        this.departments = departments;
        this.officials = officials;
        this.roleRequests = roleRequests;
        this.taskService = taskService;
    }

    /** Who am I, for an official; {@code kind} tells it apart from a system's answer. */
    record Me(String login, String name, Department department, Set<Role> roles, String kind) {
    }

    /** Who am I, for a registered system. */
    record SystemMe(String clientId, String name, Department department, String kind) {
    }

    /** The one platform endpoint that answers both officials and systems, so it takes any {@link Caller}. */
    @GetMapping("/me")
    Object me(@AuthenticationPrincipal Caller me) {
        Department department = me.department() == null ? null : departments.require(me.department());
        if (me instanceof SystemCaller system) {
            return new SystemMe(system.clientId(), system.name(), department, "SYSTEM");
        }
        Official official = (Official) me;
        return new Me(official.login(), official.name(), department, official.roles(), "OFFICIAL");
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return departments.all();
    }

    @GetMapping("/departments/{code}")
    Department department(@PathVariable String code) {
        return departments.require(code);
    }

    record OfficialView(String login, String name, Set<Role> roles) {
    }

    @GetMapping("/departments/{code}/officials")
    List<OfficialView> officials(@PathVariable String code, @AuthenticationPrincipal Official me, Paging paging) {
        requireMaySee(me, departments.require(code));
        return officials.officialsOf(code, paging.page(), paging.size()).stream().map(o -> new OfficialView(o.login(), o.name(), o.roles())).toList();
    }

    record TaskView(String id, String name, String processInstanceId, String assignee, Instant created, Instant due) {
    }

    /** A page of the open tasks addressed to the department's workgroups, newest first. */
    @GetMapping("/departments/{code}/tasks")
    List<TaskView> tasks(@PathVariable String code, @AuthenticationPrincipal Official me, Paging paging) {
        requireMaySee(me, departments.require(code));
        String[] workgroups = Arrays.stream(Role.values()).map(r -> r.workgroupOf(code)).toArray(String[]::new);
        return taskService.createTaskQuery().taskCandidateGroupIn(Arrays.asList(workgroups)).includeAssignedTasks()
                .orderByTaskCreateTime().desc().orderByTaskId().desc().listPage(paging.page() * paging.size(), paging.size())
                .stream().map(IdentityController::view).toList();
    }

    record NewRoleRequest(@NotBlank String requestedRole, @NotBlank @Size(min = 5, max = 500) String reason) {
    }

    record RoleRequestStarted(String processInstanceId) {
    }

    @PostMapping("/role-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RoleRequestStarted> requestRole(@Valid @RequestBody NewRoleRequest request,
                                                   @AuthenticationPrincipal Official me) {
        String id = roleRequests.request(me, request.requestedRole(), request.reason());
        return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + id)).body(new RoleRequestStarted(id));
    }

    /** A role request as stored, with the authority's decision once taken: to its applicant and to the authority. */
    @GetMapping("/role-requests/{id}")
    RoleRequest roleRequest(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return roleRequests.requestFor(me, id);
    }

    private static void requireMaySee(Official me, Department department) {
        if (!me.maySee(department.code())) {
            throw new AccessDeniedException("officials of " + me.department() + " may not see the officials or tasks of "
                    + department.code() + " (Art. 27: access per department and role)");
        }
    }

    private static TaskView view(Task task) {
        return new TaskView(task.getId(), task.getName(), task.getProcessInstanceId(), task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
