package io.nohold.lifecycle;

import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Finds the open handler task of a case, the one the SLA rings move. Used by delegates, so always inside an engine
 * command: it reads the process instance's tasks by its id through the command's task manager, a plain indexed select
 * that also sees tasks created earlier in the same transaction. A {@code TaskQuery} would build Camunda's general task
 * query, whose SQL generation alone took a fifth of the job executor's CPU in an SLA storm (docs/performance.md).
 */
@Component
class OpenHandlerTask {

    Optional<Task> of(String processInstanceId, String taskDefinitionKey) {
        return Context.getCommandContext()
            .getTaskManager()
            .findTasksByProcessInstanceId(processInstanceId)
            .stream()
            .filter(task -> taskDefinitionKey.equals(task.getTaskDefinitionKey()) && !task.isSuspended())
            .map(Task.class::cast)
            .findFirst();
    }

}
