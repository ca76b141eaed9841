package io.nohold.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.directory.RegionCalendars;
import org.springframework.stereotype.Service;

/**
 * The one SLA clock: every due date of a case (the promise, the reminder before it, the personal window, the
 * resolution, the supervisors' approval and escalation deadlines, the end of the quiet period, a follow-up day) is
 * counted here, on the calendar of the case's region. Business-hours windows count only open time; a window that
 * starts while the region is closed starts counting when it opens. All-hours windows count every hour.
 */
@Service
public class SlaClock {

    private final RegionCalendars calendars;

    SlaClock(RegionCalendars calendars) {
        this.calendars = calendars;
    }

    /**
     * The due dates of a promise. {@code takenInAt} chooses the calendar (a change applies to contacts taken in after
     * it); counting starts at {@code start}, the first moment someone of the region can answer, or its next opening.
     */
    public Promise promise(String regionId, Instant takenInAt, Instant start, SlaPolicy policy) {
        BusinessCalendar calendar = calendar(regionId, takenInAt, policy.hours());
        Instant begin = calendar.nextOpening(start);
        return new Promise(begin, calendar.plusBusinessTime(begin, policy.personalWindow()),
                calendar.plusBusinessTime(begin, policy.firstResponse().minus(policy.reminderBefore())),
                calendar.plusBusinessTime(begin, policy.firstResponse()), calendar.plusBusinessTime(begin, policy.resolution()));
    }

    /** When a window that starts at {@code from} runs out, counting the policy's hours on the region's calendar. */
    public Instant due(String regionId, Instant calendarAt, Instant from, Duration window, SlaHours hours) {
        return calendar(regionId, calendarAt, hours).plusBusinessTime(from, window);
    }

    /**
     * The end of the quiet period after an outcome: the customer's own time, so every day counts, but the case closes
     * only when the region is open, when someone would see a reply that comes at the last moment.
     */
    public Instant quietPeriodEnds(String regionId, Instant from, Duration quietPeriod) {
        return calendar(regionId, from, SlaHours.BUSINESS_HOURS).nextOpening(from.plus(quietPeriod));
    }

    /** A follow-up on a day (no time given): when the region opens that day, or its next opening after it. */
    public Instant followUpOn(String regionId, Instant now, LocalDate day) {
        BusinessCalendar calendar = calendar(regionId, now, SlaHours.BUSINESS_HOURS);
        return calendar.nextOpening(day.atStartOfDay(calendar.zone()).toInstant());
    }

    private BusinessCalendar calendar(String regionId, Instant at, SlaHours hours) {
        if (regionId == null) {
            return BusinessCalendar.alwaysOpen(ZoneOffset.UTC);
        }
        BusinessCalendar business = calendars.businessCalendar(regionId, at);
        return hours == SlaHours.ALL_HOURS ? BusinessCalendar.alwaysOpen(business.zone()) : business;
    }

    /**
     * A promise's due dates: counting began at {@code start}; the own rep holds it until {@code personalWindowEndsAt},
     * the handler is reminded at {@code reminderAt}, the customer is promised a first response by {@code promisedBy}
     * and a resolution by {@code resolutionDueAt}.
     */
    public record Promise(Instant start, Instant personalWindowEndsAt, Instant reminderAt, Instant promisedBy,
            Instant resolutionDueAt) {
    }

}
