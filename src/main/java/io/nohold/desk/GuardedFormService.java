package io.nohold.desk;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import io.nohold.desk.TaskFormGuard.Finish;
import io.nohold.engine.CaseOf;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service as the desk needs it.
 * <ul>
 * <li>{@link TaskFormGuard} in front of submitting a task's form: what the Tasklist calls
 * ({@code POST .../task/{id}/submit-form}) when a user completes a Camunda Form. {@code submitTaskFormData} passes
 * through {@link #submitTaskForm}.</li>
 * <li>The form's values ({@code GET .../task/{id}/form-variables}, which the Tasklist reads when it opens a Camunda
 * Form) include what {@link CaseDisplay} says about the task's case, computed when the form is opened: always as the
 * case stands (a message that came a minute ago is there), and never stored, so no variable row and no history row
 * is written for it.</li>
 * </ul>
 */
final class GuardedFormService extends FormServiceImpl {

    private final TaskFormGuard guard;

    private final Function<String, Map<String, Object>> display;

    GuardedFormService(TaskFormGuard guard, Function<String, Map<String, Object>> display) {
        this.guard = guard;
        this.display = display;
    }

    /** The task's own variables as the engine gives them (it checks that the caller may read the task), and the case. */
    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
        VariableMap variables = super.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
        String caseNumber = commandExecutor.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? null : CaseOf.ofTask(task.getExecution(), ContactLifecycleProcess.KEY).orElse(null);
        });
        if (caseNumber != null) {
            display.apply(caseNumber).forEach((name, value) -> {
                if (formVariables == null || formVariables.contains(name)) {
                    variables.putValue(name, value);
                }
            });
        }
        return variables;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        guard.finishing(commandExecutor, taskId, properties, Finish.COMPLETE, () -> {
            super.submitTaskForm(taskId, properties);
            return null;
        });
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
        return guard.finishing(commandExecutor, taskId, properties, Finish.COMPLETE,
                () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
    }

}
