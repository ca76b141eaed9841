package io.nohold.escalation;

import static io.nohold.escalation.SupervisorEscalationProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A supervisor completed "Handle escalation": it goes into the case history with the decision and guidance. */
@Component
class EscalationTaskListener implements TaskListener {

    private final CaseFile caseFile;

    private final IdentityService identity;

    EscalationTaskListener(CaseFile caseFile, IdentityService identity) {
        this.caseFile = caseFile;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String supervisor = task.getAssignee() != null || identity.getCurrentAuthentication() == null ? task.getAssignee()
                    : identity.getCurrentAuthentication().getUserId();
            caseFile.taskCompleted(CaseOf.number(task), task.getBpmnModelElementInstance().getName(), supervisor,
                    Vars.string(task, ESCALATION_RESULT), Vars.string(task, SUPERVISOR_GUIDANCE));
            task.getExecution().setVariable(LAST_COMPLETED_BY, supervisor);
        }
    }

}
