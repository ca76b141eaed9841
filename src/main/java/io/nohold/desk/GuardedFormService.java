package io.nohold.desk;

import java.util.Map;

import io.nohold.desk.TaskFormGuard.Finish;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service with {@link TaskFormGuard} in front of submitting a task's form: what the Tasklist calls
 * ({@code POST .../task/{id}/submit-form}) when a user completes a Camunda Form. {@code submitTaskFormData} passes
 * through {@link #submitTaskForm}.
 */
final class GuardedFormService extends FormServiceImpl {

    private final TaskFormGuard guard;

    GuardedFormService(TaskFormGuard guard) {
        this.guard = guard;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        guard.checkFinishing(commandExecutor, taskId, properties, Finish.COMPLETE);
        super.submitTaskForm(taskId, properties);
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
        guard.checkFinishing(commandExecutor, taskId, properties, Finish.COMPLETE);
        return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
    }

}
