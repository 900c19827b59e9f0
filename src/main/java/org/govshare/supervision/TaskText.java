package org.govshare.supervision;

import org.camunda.bpm.engine.delegate.VariableScope;

/** A task's form field as text, for the listeners that check a completion: null when the field was not sent. */
final class TaskText {

    private TaskText() {
    }

    static String of(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
