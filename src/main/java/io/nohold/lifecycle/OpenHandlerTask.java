package io.nohold.lifecycle;

import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds the open handler task of a case, the one the SLA rings move. */
@Component
class OpenHandlerTask {

    private final TaskService tasks;

    OpenHandlerTask(TaskService tasks) {
        this.tasks = tasks;
    }

    Optional<Task> of(String processInstanceId, String taskDefinitionKey) {
        return tasks.createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskDefinitionKey)
            .active()
            .list()
            .stream()
            .findFirst();
    }

}
