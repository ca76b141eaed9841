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

/** The follow-up date came, or the customer replied first: the case goes back to the same handler. */
@Component
class ResumeWithHandlerDelegate implements JavaDelegate {

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    ResumeWithHandlerDelegate(CaseRepository cases, CaseHistory history, NotificationOutbox outbox) {
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        boolean replied = execution.getVariable(REPLY_CONTACT_ID) != null;
        execution.setVariable(REPLY_CONTACT_ID, null);
        execution.setVariable(OUTCOME, null);
        execution.setVariable(NOTES, null);
        cases.setState(caseNumber, CaseState.OPEN);
        String handler = Vars.string(execution, HANDLER_ID);
        String why = replied ? "the customer replied" : "the follow-up date has come";
        history.record(caseNumber, Category.CASE, "BACK_TO_HANDLER", handler, null, why);
        if (handler != null) {
            outbox.toUser(caseNumber, handler, "FOLLOW_UP_DUE", "Case " + caseNumber + " is back with you: " + why + ".");
        }
    }

}
