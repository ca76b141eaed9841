package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supervisor returned the case with guidance: it goes back to the handler's "Resolve contact", with a fresh
 * resolution window from now.
 */
@Component
class ReturnToHandlerDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    ReturnToHandlerDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFile.returnedToHandler(CaseOf.number(execution), Vars.string(execution, LAST_COMPLETED_BY),
                Vars.string(execution, SUPERVISOR_GUIDANCE), EngineClock.now().plus(SlaPolicy.of(execution).resolution()));
        Forms.clearHandlerFields(execution);
    }

}
