package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The follow-up date came, or the customer replied first: the case goes back to the same handler. */
@Component
class ResumeWithHandlerDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    ResumeWithHandlerDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean replied = execution.getVariable(REPLY_CONTACT_ID) != null;
        execution.removeVariable(REPLY_CONTACT_ID);
        caseFile.backToHandler(CaseOf.number(execution), replied);
        Forms.clearHandlerFields(execution);
    }

}
