package org.govshare.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an official may do. Each role is a Camunda group (type {@code role}); each department-and-role pair is a
 * workgroup ({@code <department>.<role>}, type {@code workgroup}) that tasks are addressed to, so that Tasklist
 * shows an official only the tasks of their own department and role.
 */
public enum Role {
    AUTHORITY("authority", "共享主管部门审核人 Sharing authority officer"),
    PROVIDER_REVIEWER("provider-reviewer", "提供方审核人 Provider reviewer"),
    APPLICANT("applicant", "申请人 Applicant"),
    /**
     * The head of a department's sharing office, whose approval some rule packs ask for (national regulation Art. 13:
     * a catalog submission; Art. 20: a request before it is sent, a reply before it takes effect).
     */
    DEPARTMENT_HEAD("department-head", "部门共享工作负责人 Head of the sharing office"),
    SUPERVISOR("supervisor", "监察人员 Supervisor"),
    RULE_AUTHOR("rule-author", "规则编写人 Rule author"),
    PROCESS_OWNER("process-owner", "流程负责人 Process owner");

    /** The Camunda group type of roles. */
    public static final String GROUP_TYPE = "role";
    /** The Camunda group type of department-and-role workgroups. */
    public static final String WORKGROUP_TYPE = "workgroup";

    private final String groupId;
    private final String title;

    Role(String groupId, String title) {
        this.groupId = groupId;
        this.title = title;
    }

    public String groupId() {
        return groupId;
    }

    public String title() {
        return title;
    }

    /** The workgroup of this role in a department: the candidate group of that department's tasks for the role. */
    public String workgroupOf(String departmentCode) {
        return departmentCode + "." + groupId;
    }

    /** Whether a department of this kind may hold the role (Art. 27: access by department and role). */
    public boolean allowedIn(DepartmentKind kind) {
        return switch (this) {
            case AUTHORITY, RULE_AUTHOR, PROCESS_OWNER -> kind == DepartmentKind.SHARING_AUTHORITY;
            case SUPERVISOR -> kind == DepartmentKind.SUPERVISORY;
            case APPLICANT, PROVIDER_REVIEWER, DEPARTMENT_HEAD -> kind == DepartmentKind.ADMINISTRATIVE;
        };
    }

    public static Optional<Role> ofGroupId(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
