package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resolution deadline passed: the case goes to the region's supervisors, with this as the reason. */
@Component
class NoteMissedResolutionDelegate implements JavaDelegate {

    private final CaseHistory history;

    NoteMissedResolutionDelegate(CaseHistory history) {
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(OUTCOME, ContactLifecycleProcess.Outcomes.RESOLUTION_DEADLINE_MISSED);
        history.record(Vars.required(execution, CASE_NUMBER), Category.SLA, "RESOLUTION_DEADLINE_MISSED",
                Vars.string(execution, HANDLER_ID), null, "resolution was due " + CaseDisplay.time(Vars.instant(execution, RESOLUTION_DUE_AT)));
    }

}
