package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The handler follows up later: the case waits until the date (09:00 UTC when only a day is given) or the
 * customer's reply, whichever comes first. The resolution deadline moves with it.
 */
@Component
class PlanFollowUpDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    PlanFollowUpDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant at = followUpAt(execution.getVariable(FOLLOW_UP_DATE), EngineClock.now());
        caseFile.followUpPlanned(CaseOf.number(execution), at, at.plus(SlaPolicy.of(execution).resolution()));
        execution.setVariable(FOLLOW_UP_AT, Vars.date(at));
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
