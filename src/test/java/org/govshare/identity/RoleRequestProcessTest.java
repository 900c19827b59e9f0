package org.govshare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/role-request.bpmn. */
class RoleRequestProcessTest extends ProcessTest {

    @Autowired
    RoleRequests roleRequests;

    private ProcessInstance request(String login, String role) {
        Official applicant = official(login);
        String id = roleRequests.request(applicant, role, "to do my duties under the Measures");
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    @Test
    void anApprovedRequestGrantsTheRole() {
        ProcessInstance instance = request("rsj.wu", "APPLICANT");

        assertThat(instance).isWaitingAt("Task_ReviewRoleRequest").task().hasCandidateGroup("sharing-authority.authority");
        assertThat(instance).variables().containsEntry("applicant", "rsj.wu").containsEntry("applicantDepartment", "human-resources");
        complete(task(instance), withVariables("approved", true));

        assertThat(instance).hasPassed("Task_GrantRole").isEnded().hasPassed("Event_RoleGranted");
        assertThat(official("rsj.wu").roles()).contains(Role.APPLICANT);
    }

    @Test
    void theRoleGrantedIsTheOneStoredWhateverTheVariablesSayByThen() {
        ProcessInstance instance = request("gaj.wang", "APPLICANT");
        // a completion may set any variable; the steps read the stored request, never these
        complete(task(instance), withVariables("approved", true, "requestedRole", "AUTHORITY", "applicant", "scj.huang"));

        assertThat(instance).isEnded().hasPassed("Task_GrantRole");
        assertThat(official("gaj.wang").roles()).contains(Role.APPLICANT).doesNotContain(Role.AUTHORITY);
        assertThat(official("scj.huang").roles()).doesNotContain(Role.APPLICANT);
        RoleRequest stored = roleRequests.requestFor(official("gaj.wang"), instance.getId());
        assertThat(stored.status()).isEqualTo(RoleRequest.Status.APPROVED);
        assertThat(stored.requestedRole()).isEqualTo(Role.APPLICANT);
        assertThat(stored.decidedAt()).isNotNull();
    }

    @Test
    void aDecisionOfTheWrongTypeIsRefusedNamingTheField() {
        ProcessInstance instance = request("scj.huang", "APPLICANT");

        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", "yes")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("approved: expected true or false");

        assertThat(instance).isWaitingAt("Task_ReviewRoleRequest");
    }

    @Test
    void aRefusalWithItsReasonEndsWithoutTheRole() {
        ProcessInstance instance = request("mzj.liu", "PROVIDER_REVIEWER");

        complete(task(instance), withVariables("approved", false, "decisionReason", "your department has two reviewers already"));

        assertThat(instance).isEnded().hasPassed("Event_RoleRequestRefused").hasNotPassed("Task_GrantRole");
        assertThat(official("mzj.liu").roles()).doesNotContain(Role.PROVIDER_REVIEWER);
    }

    @Test
    void aRefusalWithoutAReasonIsNotAccepted() {
        ProcessInstance instance = request("scj.huang", "APPLICANT");

        assertThatThrownBy(() -> complete(task(instance), withVariables("approved", false)))
                .hasMessageContaining("a refusal must give its reason");

        assertThat(instance).isWaitingAt("Task_ReviewRoleRequest");
    }

    @Test
    void aRoleTheDepartmentCannotHoldNeverReachesTheAuthority() {
        long before = processEngine.getHistoryService().createHistoricProcessInstanceQuery().count();

        assertThatThrownBy(() -> request("gaj.zhang", "SUPERVISOR"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).rule())
                        .isEqualTo("role-not-allowed-in-department"));

        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void aRequestStartedInTasklistIsCheckedByTheProcessItself() {
        Official tasklistUser = official("mzj.chen");
        processEngine.getIdentityService().setAuthentication(tasklistUser.login(), tasklistUser.groupIds());

        assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey("role-request",
                withVariables("requestedRole", "RULE_AUTHOR", "reason", "I like rules")))
                .hasMessageContaining("RULE_AUTHOR cannot be held");

        ProcessInstance accepted = processEngine.getRuntimeService().startProcessInstanceByKey("role-request",
                withVariables("requestedRole", "APPLICANT", "reason", "I ask for data of other departments"));
        processEngine.getIdentityService().clearAuthentication();
        assertThat(accepted).isWaitingAt("Task_ReviewRoleRequest").variables().containsEntry("applicant", "mzj.chen");
    }

    @Test
    void nobodyFilesARequestInSomeoneElsesName() {
        Official caller = official("scj.yang");
        processEngine.getIdentityService().setAuthentication(caller.login(), caller.groupIds());

        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("role-request",
                withVariables("applicant", "rsj.zhou", "requestedRole", "PROVIDER_REVIEWER", "reason", "in his name"));
        processEngine.getIdentityService().clearAuthentication();

        assertThat(instance).isWaitingAt("Task_ReviewRoleRequest").variables()
                .containsEntry("applicant", "scj.yang").containsEntry("applicantDepartment", "market-supervision");
    }
}
