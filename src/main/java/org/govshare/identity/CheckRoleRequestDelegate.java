package org.govshare.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CheckRoleRequestDelegate implements JavaDelegate {

    private final RoleRequests roleRequests;

    CheckRoleRequestDelegate(RoleRequests roleRequests) {
        this.roleRequests = roleRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicant = (String) execution.getVariable("applicant");
        roleRequests.check(applicant, (String) execution.getVariable("requestedRole"));
        execution.setVariable("applicantDepartment", roleRequests.departmentOf(applicant));
    }
}
