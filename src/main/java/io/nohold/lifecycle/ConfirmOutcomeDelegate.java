package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.util.List;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.casefile.CaseRecord;
import io.nohold.notification.NotificationOutbox;
import io.nohold.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer the outcome, plainly and without an upsell, and that a reply reaches the same person. The case
 * enters its quiet period.
 */
@Component
class ConfirmOutcomeDelegate implements JavaDelegate {

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final CaseDisplay display;

    ConfirmOutcomeDelegate(CaseRepository cases, CaseHistory history, NotificationOutbox outbox, CaseDisplay display) {
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        String resolvedBy = Vars.string(execution, LAST_COMPLETED_BY);
        cases.resolve(caseNumber, EngineClock.now(), resolvedBy);
        history.record(caseNumber, Category.CASE, "RESOLVED", resolvedBy, null, null);
        CaseRecord record = cases.get(caseNumber);
        List<CaseEvent> granted = history.of(caseNumber)
            .stream()
            .filter(e -> e.category() == Category.ACCOMMODATION)
            .toList();
        StringBuilder text = new StringBuilder("Your case ").append(caseNumber).append(" is resolved.");
        if (!granted.isEmpty()) {
            text.append(" We have granted you a ").append(granted.get(granted.size() - 1).detail()).append('.');
        }
        String personal = display.repName(record.personalRepId());
        text.append(" If anything is not right, just reply: ").append(personal).append(" will pick it up.");
        outbox.toCustomer(caseNumber, record.customerId(), "RESOLVED", text.toString());
    }

}
