package io.nohold.escalation;

import static io.nohold.escalation.SupervisorEscalationProcess.Variables.*;

import java.time.Duration;
import java.time.Instant;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.CaseOf;
import io.nohold.engine.EngineClock;
import io.nohold.engine.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Opens an escalation for the region's supervisors, with its own deadline, and tells them why. */
@Component
class OpenEscalationDelegate implements JavaDelegate {

    private final Duration escalationDeadline;

    private final CaseFile caseFile;

    OpenEscalationDelegate(@Value("${nohold.deadlines.escalation}") Duration escalationDeadline, CaseFile caseFile) {
        this.escalationDeadline = escalationDeadline;
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = Vars.string(execution, ESCALATION_REASON);
        boolean customerAsked = SupervisorEscalationProcess.Reasons.CUSTOMER_ASKED.equals(reason);
        String reasonText = customerAsked ? "The customer asked for a supervisor"
                : SupervisorEscalationProcess.Reasons.RESOLUTION_DEADLINE_MISSED.equals(reason)
                        ? "The resolution deadline was missed" : "Escalated (" + reason + ")";
        Instant due = EngineClock.now().plus(escalationDeadline);
        caseFile.escalated(CaseOf.number(execution), reason, reasonText, customerAsked, due);
        execution.setVariable(ESCALATION_DUE_AT, Vars.date(due));
        execution.setVariable(ESCALATION_REASON_TEXT, reasonText);
    }

}
