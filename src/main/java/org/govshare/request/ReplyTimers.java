package org.govshare.request;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The review's wait in the engine: whether the review task is open, and ending the process of a lapsed request.
 * (A moved deadline reaches the timers through {@link ReplyDeadlines}.)
 */
@Component
class ReplyTimers {

    static final String REVIEW_TASK = "Task_ReviewRequest";
    static final String DEADLINE_TIMER = "Timer_ReplyDeadline";
    static final String REMINDER_TIMER = "Timer_ReplyReminder";

    private final ManagementService management;
    private final TaskService tasks;
    private final RuntimeService runtime;

    ReplyTimers(ManagementService management, TaskService tasks, RuntimeService runtime) {
        this.management = management;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** Whether the provider's review task is open: the only wait a reply deadline can be moved in. */
    boolean reviewing(String processInstanceId) {
        return reviewTask(processInstanceId) != null;
    }

    /** The request's process ends where it waits, for the reason given (Cockpit shows it). */
    void end(String processInstanceId, String why) {
        runtime.deleteProcessInstance(processInstanceId, why);
    }

    private Task reviewTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REVIEW_TASK).singleResult();
    }
}
