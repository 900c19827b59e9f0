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
 * The review's wait in the engine, as a moved reply deadline or a lapsed request changes it. The timers of the review
 * task read the deadline once, when the task is created; a deadline moved later reaches them only here.
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

    /**
     * The review task's due date and its deadline timer follow the new deadline; the reminder timer follows its new
     * moment if it has not fired yet (a reminder already sent is not sent twice).
     */
    void move(String processInstanceId, Instant replyDue, Instant reminderAt) {
        Task review = reviewTask(processInstanceId);
        if (review != null) {
            review.setDueDate(Date.from(replyDue));
            tasks.saveTask(review);
        }
        moveTimer(processInstanceId, DEADLINE_TIMER, replyDue);
        moveTimer(processInstanceId, REMINDER_TIMER, reminderAt);
    }

    /** The request's process ends where it waits, for the reason given (Cockpit shows it). */
    void end(String processInstanceId, String why) {
        runtime.deleteProcessInstance(processInstanceId, why);
    }

    private void moveTimer(String processInstanceId, String activityId, Instant at) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        if (timer != null) {
            management.setJobDuedate(timer.getId(), Date.from(at));
        }
    }

    private Task reviewTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REVIEW_TASK).singleResult();
    }
}
