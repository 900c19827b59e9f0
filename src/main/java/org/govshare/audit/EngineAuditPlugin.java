package org.govshare.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Audits the engine's state changes, whatever starts them (the platform API, Tasklist, the REST API): a process
 * started or ended, a task assigned or completed. The listeners are built in, so they run in the engine's
 * transaction and cannot be skipped by a "skip custom listeners" modification. Administrators' and operators'
 * changes (Camunda Admin: users, groups, memberships, authorizations; Cockpit: cancelling, modifying, retrying)
 * reach the trail through the engine's user operation log ({@link OperationLogAudit}).
 */
@Component
class EngineAuditPlugin extends AbstractProcessEnginePlugin {

    /** Resolved late: the audit trail needs the engine, which is being built when this plugin is. */
    private final ObjectProvider<AuditTrail> auditTrail;

    EngineAuditPlugin(ObjectProvider<AuditTrail> auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AuditingParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new OperationLogAudit(auditTrail));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private final class AuditingParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, processAudit(AuditAction.PROCESS_STARTED));
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, processAudit(AuditAction.PROCESS_ENDED));
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, taskAudit(AuditAction.TASK_ASSIGNED));
            taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskAudit(AuditAction.TASK_COMPLETED));
        }
    }

    private ExecutionListener processAudit(AuditAction action) {
        return (DelegateExecution execution) -> auditTrail.getObject().record(
                AuditEntry.ok(action, "process-instance", execution.getProcessInstanceId())
                        .with("processDefinition", definitionKey(execution.getProcessDefinitionId()))
                        .with("businessKey", String.valueOf(execution.getProcessBusinessKey())));
    }

    private TaskListener taskAudit(AuditAction action) {
        return (DelegateTask task) -> auditTrail.getObject().record(
                AuditEntry.ok(action, "task", task.getId())
                        .with("taskDefinition", task.getTaskDefinitionKey())
                        .with("processInstance", String.valueOf(task.getProcessInstanceId()))
                        .with("assignee", String.valueOf(task.getAssignee())));
    }

    private static String definitionKey(String processDefinitionId) {
        return processDefinitionId == null ? "" : processDefinitionId.split(":")[0];
    }
}
