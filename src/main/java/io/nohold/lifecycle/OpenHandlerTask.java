package io.nohold.lifecycle;

import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds the open handler task of a case, the one the SLA rings move. */
@Component
class OpenHandlerTask {

    private final TaskService tasks;

    OpenHandlerTask(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * Inside the engine (the SLA delegates run in timer jobs) this reads the process instance's tasks by its id, a
     * plain indexed select that also sees tasks created earlier in the same transaction. A {@code TaskQuery} would
     * build Camunda's general task query, whose SQL generation alone took a fifth of the job executor's CPU in an SLA
     * storm (docs/performance.md).
     */
    Optional<Task> of(String processInstanceId, String taskDefinitionKey) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey)
                .active()
                .list()
                .stream()
                .findFirst();
        }
        return command.getTaskManager()
            .findTasksByProcessInstanceId(processInstanceId)
            .stream()
            .filter(task -> taskDefinitionKey.equals(task.getTaskDefinitionKey()) && !task.isSuspended())
            .map(Task.class::cast)
            .findFirst();
    }

}
