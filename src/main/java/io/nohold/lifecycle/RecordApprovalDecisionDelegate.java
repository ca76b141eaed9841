package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supervisor decided: an approved accommodation is recorded as granted, and either way the decision goes back to
 * the handler, who tells the customer and resolves the contact.
 */
@Component
class RecordApprovalDecisionDelegate implements JavaDelegate {

    static final String APPROVED = "APPROVED";

    private final CaseFile caseFile;

    RecordApprovalDecisionDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = caseFile.approvalDecided(CaseOf.number(execution), Vars.string(execution, LAST_COMPLETED_BY),
                APPROVED.equals(Vars.string(execution, APPROVAL_DECISION)), Accommodations.of(execution),
                Vars.string(execution, SUPERVISOR_GUIDANCE));
        execution.setVariable(APPROVAL_DECISION_TEXT, decision);
        Forms.clearHandlerFields(execution);
    }

}
