package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer the outcome, plainly and without an upsell, and that a reply reaches the same person. The case
 * enters its quiet period.
 */
@Component
class ConfirmOutcomeDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    ConfirmOutcomeDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFile.resolved(CaseOf.number(execution), Vars.string(execution, LAST_COMPLETED_BY));
    }

}
