package org.govshare.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts the answers (silence included); the process routes on exactly one acceptance or a ruling. */
@Component
class TallyAnswersDelegate implements JavaDelegate {

    private final Consultations consultations;

    TallyAnswersDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Consultations.Tally tally = consultations.tally(execution.getProcessInstanceId());
        execution.setVariable("tallyOutcome", tally.outcome());
        execution.setVariable("answersSummary", tally.answersSummary());
    }
}
