package org.govshare.audit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Copies the engine's user operation log into the audit trail for what administrators and operators do in
 * Camunda Admin and Cockpit (or through the REST API): one event per logged property, in the same transaction.
 * Task workers' operations are left out: the task listeners of {@link EngineAuditPlugin} record those already.
 */
final class OperationLogAudit implements HistoryEventHandler {

    private final ObjectProvider<AuditTrail> auditTrail;

    OperationLogAudit(ObjectProvider<AuditTrail> auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof UserOperationLogEntryEventEntity entry)) {
            return;
        }
        AuditAction action = switch (String.valueOf(entry.getCategory())) {
            case UserOperationLogEntry.CATEGORY_ADMIN -> AuditAction.ADMIN_CHANGE;
            case UserOperationLogEntry.CATEGORY_OPERATOR -> AuditAction.OPERATOR_ACTION;
            default -> null;
        };
        if (action == null) {
            return;
        }
        boolean secret = entry.getProperty() != null && entry.getProperty().toLowerCase(Locale.ROOT).contains("password");
        String objectId = Stream.of(entry.getProcessInstanceId(), entry.getTaskId(), entry.getJobId(),
                entry.getDeploymentId(), entry.getBatchId(), entry.getOperationId()).filter(Objects::nonNull).findFirst().orElse("");
        auditTrail.getObject().record(AuditEntry.ok(action, "camunda-" + String.valueOf(entry.getEntityType()).toLowerCase(Locale.ROOT),
                        objectId)
                .with("entityType", String.valueOf(entry.getEntityType()))
                .with("operation", String.valueOf(entry.getOperationType()))
                .with("property", String.valueOf(entry.getProperty()))
                .with("from", secret ? "(hidden)" : String.valueOf(entry.getOrgValue()))
                .with("to", secret ? "(hidden)" : String.valueOf(entry.getNewValue()))
                .with("operationId", String.valueOf(entry.getOperationId())));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
