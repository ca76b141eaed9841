package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

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
 * The handler follows up later: the case waits until the date (09:00 UTC when only a day is given) or the
 * customer's reply, whichever comes first. The resolution deadline moves with it.
 */
@Component
class PlanFollowUpDelegate implements JavaDelegate {

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    PlanFollowUpDelegate(CaseRepository cases, CaseHistory history, NotificationOutbox outbox) {
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        Instant now = EngineClock.now();
        Instant at = followUpAt(execution.getVariable(FOLLOW_UP_DATE), now);
        Instant resolutionDue = at.plus(Vars.duration(execution, RESOLUTION));
        execution.setVariable(FOLLOW_UP_AT, Vars.date(at));
        execution.setVariable(RESOLUTION_DUE_AT, Vars.date(resolutionDue));
        cases.setState(caseNumber, CaseState.FOLLOW_UP);
        cases.setResolutionDue(caseNumber, resolutionDue);
        history.record(caseNumber, Category.CASE, "FOLLOW_UP_PLANNED", Vars.string(execution, HANDLER_ID), null,
                "follow up " + CaseDisplay.time(at));
        outbox.toCustomer(caseNumber, Vars.required(execution, CUSTOMER_ID), "FOLLOW_UP",
                Vars.string(execution, HANDLER_NAME) + " will get back to you at " + CaseDisplay.time(at)
                        + ". Just reply if you need us sooner.");
    }

    static Instant followUpAt(Object value, Instant now) {
        Instant at;
        if (value instanceof Date date) {
            at = date.toInstant();
        }
        else if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("a follow-up needs a date (variable " + FOLLOW_UP_DATE + ")");
        }
        else {
            at = parse(value.toString().trim());
        }
        return at.isBefore(now) ? now : at;
    }

    private static Instant parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atTime(9, 0).toInstant(ZoneOffset.UTC);
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            }
            catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
        }
        catch (DateTimeParseException e) {
            throw new IllegalStateException("follow-up date is not a date: " + text, e);
        }
    }

}
