package org.govshare.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Two officials completing the same task at once: the engine lets one win, and the other's command fails, with an
 * optimistic locking failure when both were in flight together, or with "cannot find task" when the winner had
 * already committed. Either way the loser is told, with a 409 naming the case, that someone else completed the step;
 * the engine rolled back the loser's command whole, so nothing of it is stored.
 */
@Component
public class TaskRaces {

    /** The engine API's commands that complete a task, {@code /engine-rest/…} and Tasklist's {@code /camunda/api/engine/…}. */
    private static final Pattern TASK_COMPLETION = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)$");
    static final String RULE = "task-already-completed";

    private final ProcessEngineConfigurationImpl engine;

    TaskRaces(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /**
     * The 409 for a task completion through the engine API that lost its race, or null when the failure is another
     * one: an optimistic locking failure on a task completion, or a task that is gone because it was completed.
     */
    ConflictException lost(String path, Throwable failure) {
        Matcher completion = TASK_COMPLETION.matcher(path);
        if (!completion.find()) {
            return null;
        }
        String taskId = completion.group(1);
        boolean clash = Causes.find(failure, OptimisticLockingException.class) != null;
        HistoricTaskInstance task = completedTask(taskId);
        if (!clash && (task == null || task.getEndTime() == null)) {
            return null;
        }
        return conflict(task == null ? "task " + taskId : caseOf(task), task == null ? null : task.getName());
    }

    /**
     * Whether a task whose completion just failed was completed by someone else meanwhile: then the failure, whatever
     * it says (a listener that found the winner's variables gone refuses the input), is the lost race.
     */
    public boolean completedMeanwhile(String taskId, Throwable failure) {
        if (Causes.find(failure, OptimisticLockingException.class) != null) {
            return true;
        }
        try {
            HistoricTaskInstance task = completedTask(taskId);
            return task != null && task.getEndTime() != null;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The 409 for a completion through the platform API that lost its race on a case the caller named. */
    public ConflictException lost(String caseName, String taskName) {
        return conflict(caseName, taskName);
    }

    private static ConflictException conflict(String caseName, String taskName) {
        return new ConflictException("task", RULE, (taskName == null ? "this step" : "the step '" + taskName + "'")
                + " of " + caseName + " was completed by someone else first (at the same moment, or just before);"
                + " nothing you sent was stored: reload the case to see where it stands");
    }

    /**
     * The task as history has it, read without the caller's authorizations: the caller could see the task a moment
     * ago, and learns only the case it already had open.
     */
    private HistoricTaskInstance completedTask(String taskId) {
        return engine.getCommandExecutorTxRequired().execute(context -> withoutAuthorization(context,
                () -> context.getProcessEngineConfiguration().getHistoryService().createHistoricTaskInstanceQuery()
                        .taskId(taskId).singleResult()));
    }

    private String caseOf(HistoricTaskInstance task) {
        HistoricProcessInstance instance = engine.getCommandExecutorTxRequired().execute(context -> withoutAuthorization(
                context, () -> context.getProcessEngineConfiguration().getHistoryService()
                        .createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()));
        if (instance == null) {
            return "case " + task.getProcessInstanceId();
        }
        return "case " + (instance.getBusinessKey() != null ? instance.getBusinessKey() : instance.getId())
                + " (" + instance.getProcessDefinitionKey() + ")";
    }

    private static <T> T withoutAuthorization(CommandContext context, java.util.function.Supplier<T> read) {
        context.disableAuthorizationCheck();
        try {
            return read.get();
        } finally {
            context.enableAuthorizationCheck();
        }
    }
}
