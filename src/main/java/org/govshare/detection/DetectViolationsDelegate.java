package org.govshare.detection;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gathers the day's figures, runs the supervision rules and records the findings; keeps what was found, for Cockpit. */
@Component
class DetectViolationsDelegate implements JavaDelegate {

    private final Detection detection;

    DetectViolationsDelegate(Detection detection) {
        this.detection = detection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Detection.Summary found = detection.detect(LocalDate.parse((String) execution.getVariable("day")));
        execution.setVariable("findings", found.findings());
        execution.setVariable("opened", String.join(",", found.opened()));
        execution.setVariable("suspected", String.join(",", found.suspected()));
    }
}
