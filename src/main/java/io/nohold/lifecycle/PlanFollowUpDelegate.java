package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.directory.RegionCalendars;
import io.nohold.engine.EngineClock;
import io.nohold.sla.SlaClock;
import io.nohold.sla.SlaPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The handler follows up later: the case waits until the date (when only a day is given, the region's opening that
 * day; a time without offset is the region's wall-clock time) or the customer's reply, whichever comes first. The
 * resolution deadline moves with it, counted by the SLA clock from the follow-up.
 */
@Component
class PlanFollowUpDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    private final SlaClock clock;

    private final RegionCalendars calendars;

    PlanFollowUpDelegate(CaseFile caseFile, SlaClock clock, RegionCalendars calendars) {
        this.caseFile = caseFile;
        this.clock = clock;
        this.calendars = calendars;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = caseFile.get(CaseOf.number(execution));
        Instant now = EngineClock.now();
        ZoneId zone = record.regionId() == null ? java.time.ZoneOffset.UTC : calendars.at(record.regionId(), now).timeZone();
        Instant at = followUpAt(execution.getVariable(FOLLOW_UP_DATE), now, zone,
                day -> clock.followUpOn(record.regionId(), now, day));
        SlaPolicy policy = SlaPolicies.of(record, execution);
        caseFile.followUpPlanned(record.caseNumber(), at, clock.due(record.regionId(), now, at, policy.resolution(), policy.hours()));
        execution.setVariable(FOLLOW_UP_AT, Vars.date(at));
    }

    /**
     * The moment a follow-up value means: a date and time as given (without offset, in {@code zone}), a day alone
     * {@code opening} of that day; never before now.
     */
    static Instant followUpAt(Object value, Instant now, ZoneId zone, Function<LocalDate, Instant> opening) {
        Instant at;
        if (value instanceof Date date) {
            at = date.toInstant();
        }
        else if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("a follow-up needs a date (variable " + FOLLOW_UP_DATE + ")");
        }
        else {
            at = parse(value.toString().trim(), zone, opening);
        }
        return at.isBefore(now) ? now : at;
    }

    private static Instant parse(String text, ZoneId zone, Function<LocalDate, Instant> opening) {
        try {
            if (text.length() == 10) {
                return opening.apply(LocalDate.parse(text));
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            }
            catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
        }
        catch (DateTimeParseException e) {
            throw new IllegalStateException("follow-up date is not a date: " + text, e);
        }
    }

}
