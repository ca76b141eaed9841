package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.casefile.CaseState;
import io.nohold.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supervisor decided: an approved accommodation is recorded as granted, and either way the decision goes back to
 * the handler, who tells the customer and resolves the contact.
 */
@Component
class RecordApprovalDecisionDelegate implements JavaDelegate {

    static final String APPROVED = "APPROVED";

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final CaseDisplay display;

    RecordApprovalDecisionDelegate(CaseRepository cases, CaseHistory history, NotificationOutbox outbox, CaseDisplay display) {
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        String supervisor = Vars.string(execution, LAST_COMPLETED_BY);
        boolean approved = APPROVED.equals(Vars.string(execution, APPROVAL_DECISION));
        String summary = Accommodations.describe(execution);
        String guidance = Vars.string(execution, SUPERVISOR_GUIDANCE);
        String decision = (approved ? "Approved" : "Rejected") + " by " + display.repName(supervisor) + ": " + summary
                + (guidance == null || guidance.isBlank() ? "" : ". Guidance: " + guidance);
        if (approved) {
            history.record(caseNumber, Category.ACCOMMODATION, "ACCOMMODATION_GRANTED", supervisor, "APPROVED", summary);
        }
        history.record(caseNumber, Category.ESCALATION, "APPROVAL_DECIDED", supervisor, approved ? "APPROVED" : "REJECTED",
                guidance);
        execution.setVariable(APPROVAL_DECISION_TEXT, decision);
        execution.setVariable(OUTCOME, null);
        execution.setVariable(NOTES, null);
        cases.setState(caseNumber, CaseState.OPEN);
        String handler = Vars.string(execution, HANDLER_ID);
        if (handler != null) {
            outbox.toUser(caseNumber, handler, "APPROVAL_DECIDED", "Case " + caseNumber + ": " + decision);
        }
    }

}
