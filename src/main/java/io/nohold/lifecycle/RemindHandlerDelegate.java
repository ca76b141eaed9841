package io.nohold.lifecycle;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.CaseOf;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The promise falls due soon (the SLA policy's {@code reminderBefore}) and the customer has not been reached yet: the
 * holder is reminded while there is still time to keep it.
 */
@Component
class RemindHandlerDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    RemindHandlerDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFile.promiseDueSoon(CaseOf.number(execution));
    }

}
