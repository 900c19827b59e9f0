package org.govshare.identity;

import java.util.Arrays;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A workgroup that is offered a task may read that task's process instance, and that one only: its case number and
 * the other case variables then show on the task in Tasklist's list (the shared filters name them), which the engine
 * otherwise hides from anyone without READ on the instance. Granted where the engine grants the task itself, so the
 * grant is made in the same transaction whichever door created the task. Nobody gets READ on every instance: another
 * department's cases stay closed, also through {@code /engine-rest}.
 */
@Component
class WorkgroupsReadTheirCases extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new CaseReadingProvider());
    }

    static final class CaseReadingProvider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            AuthorizationEntity[] taskGrants = super.newTaskGroupIdentityLink(task, groupId, type);
            if (!IdentityLinkType.CANDIDATE.equals(type) || task.getProcessInstanceId() == null || groupId == null) {
                return taskGrants;
            }
            AuthorizationEntity[] all = Arrays.copyOf(taskGrants, taskGrants.length + 1);
            all[taskGrants.length] = readInstance(groupId, task.getProcessInstanceId());
            return all;
        }

        private static AuthorizationEntity readInstance(String groupId, String processInstanceId) {
            AuthorizationEntity grant = Context.getCommandContext().getAuthorizationManager()
                    .findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT, groupId,
                            Resources.PROCESS_INSTANCE, processInstanceId);
            if (grant == null) {
                grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(groupId);
                grant.setResource(Resources.PROCESS_INSTANCE);
                grant.setResourceId(processInstanceId);
            }
            grant.addPermission(Permissions.READ);
            return grant;
        }
    }
}
