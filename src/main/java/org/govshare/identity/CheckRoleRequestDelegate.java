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
        RoleRequests.Accepted accepted = roleRequests.accept((String) execution.getVariable("applicant"),
                (String) execution.getVariable("requestedRole"), (String) execution.getVariable("reason"),
                execution.getProcessInstanceId());
        execution.setVariable("applicant", accepted.applicant());
        execution.setVariable("applicantDepartment", accepted.department());
    }
}
