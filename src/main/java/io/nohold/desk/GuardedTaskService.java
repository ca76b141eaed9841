package io.nohold.desk;

import java.util.Collection;
import java.util.Map;

import io.nohold.desk.TaskFormGuard.Finish;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service with {@link TaskFormGuard} in front of every call that changes a task's variables, checked
 * in the same engine command as the change. The engine REST API and the Tasklist's own API take their services from
 * the engine, so they pass here too.
 */
final class GuardedTaskService extends TaskServiceImpl {

    private final TaskFormGuard guard;

    GuardedTaskService(TaskFormGuard guard) {
        this.guard = guard;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        guard.finishing(commandExecutor, taskId, variables, Finish.COMPLETE, () -> {
            super.complete(taskId, variables);
            return null;
        });
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
        return guard.finishing(commandExecutor, taskId, variables, Finish.COMPLETE,
                () -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId) {
        resolveTask(taskId, null);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        guard.finishing(commandExecutor, taskId, variables, Finish.RESOLVE, () -> {
            super.resolveTask(taskId, variables);
            return null;
        });
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        guard.finishing(commandExecutor, taskId, variables, Finish.BPMN_ERROR_OR_ESCALATION, () -> {
            super.handleBpmnError(taskId, errorCode, errorMessage, variables);
            return null;
        });
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        guard.finishing(commandExecutor, taskId, variables, Finish.BPMN_ERROR_OR_ESCALATION, () -> {
            super.handleEscalation(taskId, escalationCode, variables);
            return null;
        });
    }

    /** Behind setVariable(s) and setVariable(s)Local. */
    @Override
    protected void setVariables(String taskId, Map<String, ? extends Object> variables, boolean local) {
        tooLongIsABadRequest(() -> guard.writingVariables(commandExecutor, taskId, () -> super.setVariables(taskId, variables, local)));
    }

    /** Behind updateVariables and updateVariablesLocal (the REST API's POST .../variables). */
    @Override
    protected void updateVariables(String taskId, Map<String, ? extends Object> modifications, Collection<String> deletions,
            boolean local) {
        tooLongIsABadRequest(
                () -> guard.writingVariables(commandExecutor, taskId, () -> super.updateVariables(taskId, modifications, deletions, local)));
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
        guard.writingVariables(commandExecutor, taskId, () -> super.removeVariable(taskId, variableName));
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
        guard.writingVariables(commandExecutor, taskId, () -> super.removeVariableLocal(taskId, variableName));
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
        guard.writingVariables(commandExecutor, taskId, () -> super.removeVariables(taskId, variableNames));
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
        guard.writingVariables(commandExecutor, taskId, () -> super.removeVariablesLocal(taskId, variableNames));
    }

    /**
     * As the engine's own {@code setVariables} and {@code updateVariables} answer a value too long for its column: as a
     * bad request (400), not as a failure of the database. The engine's own catch no longer sees it, because the write
     * happens when the guard's command ends.
     */
    private static void tooLongIsABadRequest(Runnable write) {
        try {
            write.run();
        }
        catch (ProcessEngineException e) {
            if (ExceptionUtil.checkValueTooLongException(e)) {
                throw new BadUserRequestException("Variable value is too long", e);
            }
            throw e;
        }
    }

}
