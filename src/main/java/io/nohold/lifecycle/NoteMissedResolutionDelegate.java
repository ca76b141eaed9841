package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resolution deadline passed: the case goes to the region's supervisors, with this as the reason. */
@Component
class NoteMissedResolutionDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    NoteMissedResolutionDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(OUTCOME, ContactLifecycleProcess.Outcomes.RESOLUTION_DEADLINE_MISSED);
        caseFile.resolutionDeadlineMissed(CaseOf.number(execution));
    }

}
