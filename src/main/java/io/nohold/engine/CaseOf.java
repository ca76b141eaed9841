package io.nohold.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Which case a step acts on: the business key of the root process instance, set once when intake started the
 * lifecycle. A called escalation finds its case through the instance that called it. Process variables are never
 * asked: whoever holds a task could have written them.
 */
public final class CaseOf {

    private CaseOf() {
    }

    public static String number(DelegateExecution execution) {
        ExecutionEntity instance = root(execution);
        String caseNumber = instance.getBusinessKey();
        if (caseNumber == null) {
            throw new IllegalStateException("process instance " + instance.getId() + " has no case number");
        }
        return caseNumber;
    }

    public static String number(DelegateTask task) {
        return number(task.getExecution());
    }

    /**
     * The case number when the task belongs to a case (its root process is of {@code caseProcessKey}), else empty: a
     * task of another process deployed on the same engine, or a task of no process at all.
     */
    public static Optional<String> ofTask(DelegateExecution execution, String caseProcessKey) {
        if (execution == null) {
            return Optional.empty();
        }
        ExecutionEntity root = root(execution);
        return caseProcessKey.equals(root.getProcessDefinition().getKey()) ? Optional.ofNullable(root.getBusinessKey())
                : Optional.empty();
    }

    private static ExecutionEntity root(DelegateExecution execution) {
        ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }

}
