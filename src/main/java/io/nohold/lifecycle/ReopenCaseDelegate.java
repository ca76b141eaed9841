package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer replied within the quiet period: the case reopens, and a new promise is made with the same person,
 * the own rep first, for the reply's own channel.
 */
@Component
class ReopenCaseDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    ReopenCaseDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFile.reopened(CaseOf.number(execution));
        execution.removeVariable(REPLY_CONTACT_ID);
        execution.removeVariable(APPROVAL_DECISION_TEXT);
        execution.removeVariable(SUPERVISOR_GUIDANCE);
        Forms.clearHandlerFields(execution);
    }

}
