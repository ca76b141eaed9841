package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.casefile.CaseState;
import io.nohold.notification.NotificationOutbox;
import io.nohold.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supervisor returned the case with guidance: it goes back to the handler's "Resolve contact", with a fresh
 * resolution window from now.
 */
@Component
class ReturnToHandlerDelegate implements JavaDelegate {

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final CaseDisplay display;

    ReturnToHandlerDelegate(CaseRepository cases, CaseHistory history, NotificationOutbox outbox, CaseDisplay display) {
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        Instant resolutionDue = EngineClock.now().plus(Vars.duration(execution, RESOLUTION));
        execution.setVariable(RESOLUTION_DUE_AT, Vars.date(resolutionDue));
        execution.setVariable(OUTCOME, null);
        execution.setVariable(NOTES, null);
        cases.setState(caseNumber, CaseState.OPEN);
        cases.setResolutionDue(caseNumber, resolutionDue);
        String supervisor = Vars.string(execution, LAST_COMPLETED_BY);
        String guidance = Vars.string(execution, SUPERVISOR_GUIDANCE);
        history.record(caseNumber, Category.ESCALATION, "RETURNED_TO_HANDLER", supervisor, null, guidance);
        String handler = Vars.string(execution, HANDLER_ID);
        if (handler != null) {
            outbox.toUser(caseNumber, handler, "RETURNED_TO_HANDLER", "Case " + caseNumber + " is back with you from "
                    + display.repName(supervisor) + ": " + guidance);
        }
    }

}
