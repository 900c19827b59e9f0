package org.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Binds the dispute to its process and asks both sides for their statements; puts the case on the tasks' forms. */
@Component
class RequestStatementsDelegate implements JavaDelegate {

    private final Disputes disputes;

    RequestStatementsDelegate(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("caseSummary", disputes.requestStatements(execution.getProcessInstanceId(),
                execution.getProcessBusinessKey()));
    }
}
