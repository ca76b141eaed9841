package io.nohold.escalation;

import static io.nohold.escalation.SupervisorEscalationProcess.Variables.*;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.CASE_NUMBER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.CUSTOMER_ID;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.REGION_ID;

import java.time.Duration;
import java.time.Instant;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.casefile.CaseState;
import io.nohold.lifecycle.CaseDisplay;
import io.nohold.lifecycle.ContactLifecycleProcess.Outcomes;
import io.nohold.lifecycle.Vars;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.Region;
import io.nohold.region.RegionDirectory;
import io.nohold.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Opens an escalation for the region's supervisors, with its own deadline, and tells them why. */
@Component
class OpenEscalationDelegate implements JavaDelegate {

    private final Duration escalationDeadline;

    private final RegionDirectory directory;

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    OpenEscalationDelegate(@Value("${nohold.deadlines.escalation}") Duration escalationDeadline, RegionDirectory directory,
            CaseRepository cases, CaseHistory history, NotificationOutbox outbox) {
        this.escalationDeadline = escalationDeadline;
        this.directory = directory;
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        Region region = directory.region(Vars.required(execution, REGION_ID));
        String reason = Vars.string(execution, ESCALATION_REASON);
        boolean customerAsked = Outcomes.SUPERVISOR_REQUESTED.equals(reason);
        String reasonText = customerAsked ? "The customer asked for a supervisor"
                : Outcomes.RESOLUTION_DEADLINE_MISSED.equals(reason) ? "The resolution deadline was missed"
                        : "Escalated (" + reason + ")";
        Instant due = EngineClock.now().plus(escalationDeadline);
        execution.setVariable(ESCALATION_DUE_AT, Vars.date(due));
        execution.setVariable(ESCALATION_REASON_TEXT, reasonText);
        execution.setVariable(ESCALATION_RESULT, null);
        cases.setState(caseNumber, CaseState.ESCALATED);
        history.record(caseNumber, Category.ESCALATION, "ESCALATION_OPENED", null, reason, reasonText);
        outbox.toGroup(caseNumber, region.supervisorGroup(), "ESCALATION", "Case " + caseNumber + " is escalated to you: "
                + reasonText + ". Please handle it by " + CaseDisplay.time(due) + ".");
        if (customerAsked) {
            outbox.toCustomer(caseNumber, Vars.required(execution, CUSTOMER_ID), "ESCALATION",
                    "A supervisor of your " + region.name() + " team will take over your case " + caseNumber + " by "
                            + CaseDisplay.time(due) + ".");
        }
    }

}
