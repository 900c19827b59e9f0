package org.govshare.correction;

/**
 * A decision on a report, from the API or from a completed task.
 *
 * @param decision triage: FORWARD or CLOSE; verification: CORRECTED or EXPLAINED
 * @param reasons why (CLOSE, EXPLAINED: required)
 * @param correctedVersion CORRECTED: the data version that carries the correction
 */
public record Answer(String decision, String reasons, Integer correctedVersion) {

    static Answer fromTask(org.camunda.bpm.engine.delegate.VariableScope task, String decision, String reasons,
                           String version) {
        Object d = task.getVariable(decision);
        Object r = task.getVariable(reasons);
        Object v = version == null ? null : task.getVariable(version);
        Integer number = null;
        if (v != null && !v.toString().isBlank()) {
            try {
                number = v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().strip());
            } catch (NumberFormatException e) {
                throw new org.govshare.platform.web.InvalidInputException(version, "invalid-format",
                        "'" + v + "' is not a version number");
            }
        }
        return new Answer(d == null ? null : d.toString().strip(), r == null ? null : r.toString(), number);
    }
}
