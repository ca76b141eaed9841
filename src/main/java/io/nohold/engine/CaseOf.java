package io.nohold.engine;

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
        ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        String caseNumber = instance.getBusinessKey();
        if (caseNumber == null) {
            throw new IllegalStateException("process instance " + instance.getId() + " has no case number");
        }
        return caseNumber;
    }

    public static String number(DelegateTask task) {
        return number(task.getExecution());
    }

}
