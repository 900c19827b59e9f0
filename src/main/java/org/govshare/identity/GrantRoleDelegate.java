package org.govshare.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class GrantRoleDelegate implements JavaDelegate {

    private final RoleRequests roleRequests;

    GrantRoleDelegate(RoleRequests roleRequests) {
        this.roleRequests = roleRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        roleRequests.grant(execution.getProcessInstanceId());
    }
}
