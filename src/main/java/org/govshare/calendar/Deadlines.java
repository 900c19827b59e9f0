package org.govshare.calendar;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The {@link Deadline}s, for BPMN: a timer or a task's due date names its
 * deadline as {@code ${deadlines.due('catalog-review', execution)}} and gets the end of its last working day counted
 * from now. {@link DeadlineKeysCheck} stops the start when a process names a key that is no deadline, so a typo is
 * found before the first case reaches the timer. Features that keep a deadline in their case row count it with
 * {@link WorkdayCalendar#due} under the same keys.
 */
@Component("deadlines")
public class Deadlines {

    private final WorkdayCalendar workdays;

    Deadlines(WorkdayCalendar workdays) {
        this.workdays = workdays;
    }

    /** The named deadline counted from now (the engine's clock), for the execution that reaches the timer. */
    public Date due(String key, DelegateExecution execution) {
        try {
            return Date.from(workdays.due(key, ClockUtil.getCurrentTime().toInstant()));
        } catch (IllegalStateException e) {
            throw new IllegalStateException((execution == null ? ""
                    : execution.getProcessDefinitionId() + " at " + execution.getCurrentActivityId() + ": ") + e.getMessage(), e);
        }
    }
}
