package org.govshare.correction;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.platform.FormValues;

/**
 * A decision on a report, from the API or from a completed task.
 *
 * @param decision triage: FORWARD or CLOSE; verification: CORRECTED or EXPLAINED
 * @param reasons why (CLOSE, EXPLAINED: required)
 * @param correctedVersion CORRECTED: the data version that carries the correction
 */
public record Answer(String decision, String reasons, Integer correctedVersion) {

    static Answer fromTask(VariableScope task, String decision, String reasons, String version) {
        String d = FormValues.text(task, decision);
        return new Answer(d == null ? null : d.strip(), FormValues.text(task, reasons),
                version == null ? null : FormValues.number(task, version));
    }
}
