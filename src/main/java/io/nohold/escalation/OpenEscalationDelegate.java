package io.nohold.escalation;

import static io.nohold.escalation.SupervisorEscalationProcess.Variables.*;

import java.time.Instant;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.CaseOf;
import io.nohold.engine.EngineClock;
import io.nohold.engine.Vars;
import io.nohold.sla.SlaClock;
import io.nohold.sla.SlaHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens an escalation for the region's supervisors, with the SLA policy's escalation window counted in the region's
 * business hours, and tells them why.
 */
@Component
class OpenEscalationDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    private final SlaClock clock;

    OpenEscalationDelegate(CaseFile caseFile, SlaClock clock) {
        this.caseFile = caseFile;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = CaseOf.number(execution);
        String reason = Vars.string(execution, ESCALATION_REASON);
        boolean customerAsked = SupervisorEscalationProcess.Reasons.CUSTOMER_ASKED.equals(reason);
        String reasonText = customerAsked ? "The customer asked for a supervisor"
                : SupervisorEscalationProcess.Reasons.RESOLUTION_DEADLINE_MISSED.equals(reason)
                        ? "The resolution deadline was missed" : "Escalated (" + reason + ")";
        Instant now = EngineClock.now();
        Instant due = clock.due(caseFile.get(caseNumber).regionId(), now, now, Vars.duration(execution, ESCALATION_WINDOW),
                SlaHours.BUSINESS_HOURS);
        caseFile.escalated(caseNumber, reason, reasonText, customerAsked, due);
        execution.setVariable(ESCALATION_DUE_AT, Vars.date(due));
        execution.setVariable(ESCALATION_REASON_TEXT, reasonText);
    }

}
