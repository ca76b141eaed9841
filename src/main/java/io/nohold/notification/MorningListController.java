package io.nohold.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.nohold.calendar.ClosedPeriod;
import io.nohold.casefile.MorningLists;
import io.nohold.casefile.PromiseTime;
import io.nohold.directory.RegionCalendars;
import io.nohold.directory.RegionDirectory;
import io.nohold.engine.EngineClock;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A region's morning list for its supervisors: what happened in its cases while it was closed (the latest closed
 * period before now), or since a moment they name.
 */
@RestController
class MorningListController {

    private final MorningLists lists;

    private final RegionDirectory directory;

    private final RegionCalendars calendars;

    private final RegionAccess access;

    MorningListController(MorningLists lists, RegionDirectory directory, RegionCalendars calendars, RegionAccess access) {
        this.lists = lists;
        this.directory = directory;
        this.calendars = calendars;
        this.access = access;
    }

    record Handler(String id, String name) {
    }

    record Entry(String caseNumber, String what, String detail, Instant at, String atText, Handler handler) {
    }

    /** {@code from}/{@code to}: the period listed, null for a region open around the clock without {@code since}. */
    record MorningList(String region, Instant from, String fromText, Instant to, String toText, List<Entry> entries) {
    }

    @GetMapping("/api/regions/{id}/morning-list")
    MorningList get(@PathVariable String id, @RequestParam(required = false) String since) {
        if (directory.findRegion(id).isEmpty()) {
            throw ApiException.notFound("region", id);
        }
        access.checkSupervisorOf(id);
        Instant now = EngineClock.now();
        Optional<ClosedPeriod> period = since == null ? lists.lastClosedPeriod(id, now)
                : Optional.of(new ClosedPeriod(since(since, now), now));
        ZoneId zone = calendars.at(id, now).timeZone();
        if (period.isEmpty()) {
            return new MorningList(id, null, null, null, null, List.of());
        }
        Instant from = period.get().from();
        // while the region is still closed, the night so far
        Instant to = period.get().to().isAfter(now) ? now : period.get().to();
        List<Entry> entries = lists.entries(id, from, to)
            .stream()
            .map(e -> new Entry(e.caseNumber(), e.what().name(), e.detail(), e.at(), PromiseTime.format(e.at(), zone, now),
                    e.handlerId() == null ? null : new Handler(e.handlerId(), e.handlerName())))
            .toList();
        return new MorningList(id, from, PromiseTime.format(from, zone, now), to, PromiseTime.format(to, zone, now),
                entries);
    }

    private static Instant since(String value, Instant now) {
        Instant since;
        try {
            since = Instant.parse(value);
        }
        catch (DateTimeParseException e) {
            throw invalidSince();
        }
        if (since.isAfter(now)) {
            throw invalidSince();
        }
        return since;
    }

    private static ApiException invalidSince() {
        return ApiException.invalid(List.of(new FieldProblem("since",
                "must be an ISO-8601 instant in UTC like 2027-03-03T17:00:00Z, not after now")));
    }

}
