package io.nohold.lifecycle;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.CaseOf;
import io.nohold.sla.SlaPolicy;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.springframework.stereotype.Component;

/**
 * Keeps the row "Determine SLA policy" chose in the case file (at the end of that task), where "Choose handler and
 * make promise" counts the promise from it and later steps and the models ({@code ${caseFacts.taskPriority(execution)}})
 * find it. The engine hands a business rule task's decision result to its end listeners as the transient variable
 * {@code decisionResult}; mapped here rather than into result variables, the row is written once, with the case,
 * instead of as nine process variables (or, as models before this listener had it, as a serialized map).
 * <p>
 * A process instance started before the case file kept the row also holds it in variables of the output names, which
 * its model reads ({@code ${taskPriority}}); those are kept current.
 */
@Component
class KeepSlaPolicyListener implements ExecutionListener {

    private final CaseFile caseFile;

    KeepSlaPolicyListener(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getVariableLocal(DecisionEvaluationUtil.DECISION_RESULT_VARIABLE) instanceof DmnDecisionResult result)) {
            throw new IllegalStateException("\"Determine SLA policy\" gave no decision result");
        }
        // more than one matching row is refused by getSingleResult, as by the task's former "singleResult" mapping
        SlaPolicy policy = SlaPolicies.of(result.getSingleResult(), execution.getVariable(ContactLifecycleProcess.Variables.CHANNEL),
                execution.getVariable(ContactLifecycleProcess.Variables.TIER));
        caseFile.choosePolicy(CaseOf.number(execution), policy);
        if (execution.hasVariable(SlaPolicy.Outputs.TASK_PRIORITY)) {
            policy.keepIn(execution);
        }
    }

}
