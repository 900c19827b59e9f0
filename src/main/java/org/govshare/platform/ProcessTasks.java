package org.govshare.platform;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govshare.platform.web.ConflictException;
import org.springframework.stereotype.Component;

/**
 * The platform API's door to a process's user task: the API completes the same task Tasklist would, so the task's
 * listener checks the completion whichever door it came through. A case that does not wait for that step is a 409.
 */
@Component
public class ProcessTasks {

    private final TaskService taskService;

    ProcessTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    /**
     * Completes the case's open task of that definition with these variables.
     *
     * @param notWaiting what to tell the caller when the case has no such task open, e.g. "GX-… is GRANTED and does
     *                   not wait for a reply"
     */
    public void complete(String processInstanceId, String taskKey, Map<String, Object> variables, String notWaiting) {
        Task task = processInstanceId == null ? null : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new ConflictException("status", "not-waiting", notWaiting);
        }
        // a mutable copy: the engine may add to the map, and callers pass Map.of
        taskService.complete(task.getId(), new HashMap<>(variables));
    }
}
