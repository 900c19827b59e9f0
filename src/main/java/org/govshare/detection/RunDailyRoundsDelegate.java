package org.govshare.detection;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Runs every daily round for the run's day (today in Beijing when the timer started it), and keeps the day. */
@Component
class RunDailyRoundsDelegate implements JavaDelegate {

    private final Detection detection;

    RunDailyRoundsDelegate(Detection detection) {
        this.detection = detection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate day = detection.dayOf((String) execution.getVariable("day"));
        execution.setVariable("day", day.toString());
        detection.runRounds(day);
    }
}
