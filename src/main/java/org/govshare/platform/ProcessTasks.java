package org.govshare.platform;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.TaskRaces;
import org.springframework.stereotype.Component;

/**
 * The platform API's door to a process's user task: the API completes the same task Tasklist would, so the task's
 * listener checks the completion whichever door it came through. A case that does not wait for that step is a 409.
 */
@Component
public class ProcessTasks {

    private final TaskService taskService;
    private final TaskRaces races;

    ProcessTasks(TaskService taskService, TaskRaces races) {
        this.taskService = taskService;
        this.races = races;
    }

    /**
     * Completes the case's open task of that definition with these variables.
     *
     * @param caseName   the case as the caller knows it, e.g. "GX-…", named when another official completed the step first
     * @param notWaiting what to tell the caller when the case has no such task open, e.g. "GX-… is GRANTED and does
     *                   not wait for a reply"
     */
    public void complete(String processInstanceId, String taskKey, Map<String, Object> variables, String caseName,
                         String notWaiting) {
        Task task = processInstanceId == null ? null : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new ConflictException("status", "not-waiting", notWaiting);
        }
        try {
            // a mutable copy: the engine may add to the map, and callers pass Map.of
            taskService.complete(task.getId(), new HashMap<>(variables));
        } catch (RuntimeException failed) {
            // another official's completion of the same task landed first, whatever the loser's command then met;
            // the caller's transaction rolls back whole with this refusal
            if (races.completedMeanwhile(task.getId(), failed)) {
                throw races.lost(caseName, task.getName());
            }
            throw failed;
        }
    }
}
