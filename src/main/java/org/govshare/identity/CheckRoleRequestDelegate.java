package org.govshare.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govshare.platform.FormValues;
import org.springframework.stereotype.Component;

@Component
class CheckRoleRequestDelegate implements JavaDelegate {

    private final RoleRequests roleRequests;

    CheckRoleRequestDelegate(RoleRequests roleRequests) {
        this.roleRequests = roleRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoleRequest request = roleRequests.accept(FormValues.text(execution, "applicant"),
                FormValues.text(execution, "requestedRole"), FormValues.text(execution, "reason"),
                execution.getProcessInstanceId());
        // shown on the review form in Tasklist; no step reads them back
        execution.setVariable("applicant", request.applicant());
        execution.setVariable("applicantDepartment", request.department());
    }
}
