package io.nohold.lifecycle;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.springframework.stereotype.Component;

/**
 * Keeps the row "Determine SLA policy" chose as the process variables of its output names (at the end of that task):
 * the engine hands a business rule task's decision result to its end listeners as the transient variable
 * {@code decisionResult}. Mapped here rather than into a result variable, the row is written once, as the small
 * values later steps read, instead of also as a serialized map that is removed again in the same transaction.
 */
@Component
class KeepSlaPolicyListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getVariableLocal(DecisionEvaluationUtil.DECISION_RESULT_VARIABLE) instanceof DmnDecisionResult result)) {
            throw new IllegalStateException("\"Determine SLA policy\" gave no decision result");
        }
        // more than one matching row is refused by getSingleResult, as by the task's former "singleResult" mapping
        SlaPolicies.of(result.getSingleResult(), execution.getVariable(ContactLifecycleProcess.Variables.CHANNEL),
                execution.getVariable(ContactLifecycleProcess.Variables.TIER)).keepIn(execution);
    }

}
