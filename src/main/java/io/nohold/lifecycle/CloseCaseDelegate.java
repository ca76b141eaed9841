package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import io.nohold.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The quiet period passed without a reply: the case closes. It stays in the customer's history. */
@Component
class CloseCaseDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    CloseCaseDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFile.closed(CaseOf.number(execution));
    }

}
