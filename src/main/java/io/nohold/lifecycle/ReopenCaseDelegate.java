package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer replied within the quiet period: the case reopens, and a new promise is made with the same person,
 * the own rep first.
 */
@Component
class ReopenCaseDelegate implements JavaDelegate {

    private final CaseHistory history;

    ReopenCaseDelegate(CaseHistory history) {
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        history.record(Vars.required(execution, CASE_NUMBER), Category.CASE, "REOPENED", Vars.string(execution, CUSTOMER_ID),
                null, "the customer replied");
        execution.setVariable(REPLY_CONTACT_ID, null);
        execution.setVariable(OUTCOME, null);
        execution.setVariable(NOTES, null);
        execution.setVariable(APPROVAL_DECISION_TEXT, null);
        execution.setVariable(SUPERVISOR_GUIDANCE, null);
    }

}
