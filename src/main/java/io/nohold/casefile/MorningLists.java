package io.nohold.casefile;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.calendar.ClosedPeriod;
import io.nohold.directory.People;
import io.nohold.directory.Region;
import io.nohold.directory.RegionCalendars;
import io.nohold.directory.RegionDirectory;
import io.nohold.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happened in a region's cases while the region was closed, for its supervisors: broken promises, missed
 * deadlines, escalations and approvals that waited for them. The list of the night is theirs to read through the API
 * at any time; at the region's opening one {@link NotificationKind#MORNING_LIST} notification summarises it, composed
 * once for the region and opening however many nodes look (the node that claims the {@code morning_list} row writes
 * it).
 */
@Service
public class MorningLists {

    private static final Logger log = LoggerFactory.getLogger(MorningLists.class);

    /** What the supervisors find on their morning list. */
    static final Set<CaseEventType> WHAT_BROKE = EnumSet.of(CaseEventType.PROMISE_BROKEN,
            CaseEventType.PERSONAL_WINDOW_ELAPSED, CaseEventType.RESOLUTION_DEADLINE_MISSED, CaseEventType.REGION_UNRESOLVED,
            CaseEventType.APPROVAL_REQUESTED, CaseEventType.APPROVAL_OVERDUE, CaseEventType.ESCALATION_OPENED,
            CaseEventType.ESCALATION_OVERDUE);

    /** Entries whose actor is whoever held the case when it happened. */
    private static final Set<CaseEventType> BY_HOLDER = EnumSet.of(CaseEventType.PROMISE_BROKEN,
            CaseEventType.PERSONAL_WINDOW_ELAPSED, CaseEventType.RESOLUTION_DEADLINE_MISSED, CaseEventType.APPROVAL_REQUESTED);

    public static final int MAX_ENTRIES = 500;

    /** Entries named one by one in the notification; the rest are counted. */
    private static final int NAMED_IN_NOTIFICATION = 10;

    /** One thing that happened: the case, what, when, and who held the case (null: nobody, it was with the team). */
    public record Entry(String caseNumber, CaseEventType what, String detail, Instant at, String handlerId,
            String handlerName) {
    }

    private final CaseHistory history;

    private final CaseRepository cases;

    private final NotificationOutbox outbox;

    private final RegionDirectory directory;

    private final RegionCalendars calendars;

    private final People people;

    private final JdbcClient jdbc;

    private final TransactionTemplate ownTransaction;

    MorningLists(CaseHistory history, CaseRepository cases, NotificationOutbox outbox, RegionDirectory directory,
            RegionCalendars calendars, People people, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.history = history;
        this.cases = cases;
        this.outbox = outbox;
        this.directory = directory;
        this.calendars = calendars;
        this.people = people;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The region's latest closed period before {@code now}: the night that ended at this opening, or, while the region
     * is closed, the night going on. Empty for a region open around the clock.
     */
    public Optional<ClosedPeriod> lastClosedPeriod(String regionId, Instant now) {
        return calendars.businessCalendar(regionId, now).lastClosedPeriod(now);
    }

    /** What happened in the region's cases from {@code from} until before {@code to}, oldest first. */
    public List<Entry> entries(String regionId, Instant from, Instant to) {
        return history.ofRegion(regionId, WHAT_BROKE, from, to, MAX_ENTRIES).stream().map(this::entry).toList();
    }

    private Entry entry(CaseEvent event) {
        String handler = BY_HOLDER.contains(event.type()) ? event.actor()
                : cases.find(event.caseNumber()).map(CaseRecord::handlerId).orElse(null);
        return new Entry(event.caseNumber(), event.type(), event.detail(), event.at(), handler,
                handler == null ? null : people.nameOf(handler));
    }

    @Scheduled(fixedDelayString = "${nohold.morning-list.interval:PT1M}",
            initialDelayString = "${nohold.morning-list.interval:PT1M}")
    public void scheduled() {
        composeDue();
    }

    /**
     * For every region that is open now and whose morning list of this opening is not yet composed: composes it. Safe
     * to call from any node at any time; returns how many this call composed.
     */
    public int composeDue() {
        Instant now = EngineClock.now();
        int composed = 0;
        for (Region region : directory.regions()) {
            BusinessCalendar calendar = calendars.businessCalendar(region.id(), now);
            if (!calendar.isOpen(now)) {
                continue;
            }
            Optional<ClosedPeriod> night = calendar.lastClosedPeriod(now);
            if (night.isPresent() && !claimed(region.id(), night.get().to()) && compose(region, night.get(), now)) {
                composed++;
            }
        }
        return composed;
    }

    private boolean claimed(String regionId, Instant openedAt) {
        return jdbc.sql("SELECT COUNT(*) FROM morning_list WHERE region_id = ? AND opened_at = ?")
            .param(regionId)
            .param(EngineClock.utc(openedAt))
            .query(Integer.class)
            .single() > 0;
    }

    /** Claims the region's opening and writes its notification in one transaction; false when another node had it. */
    private boolean compose(Region region, ClosedPeriod night, Instant now) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                List<Entry> entries = entries(region.id(), night.from(), night.to());
                jdbc.sql("""
                        INSERT INTO morning_list (region_id, opened_at, closed_from, composed_at, entries)
                        VALUES (?, ?, ?, ?, ?)""")
                    .param(region.id())
                    .param(EngineClock.utc(night.to()))
                    .param(EngineClock.utc(night.from()))
                    .param(EngineClock.utc(now))
                    .param(entries.size())
                    .update();
                if (!entries.isEmpty()) {
                    outbox.toGroup(null, region.supervisorGroup(), NotificationKind.MORNING_LIST,
                            text(region, night, entries, now));
                }
                return true;
            }));
        }
        catch (DuplicateKeyException composedElsewhere) {
            log.debug("morning list of {} at {} composed by another node", region.id(), night.to());
            return false;
        }
    }

    private String text(Region region, ClosedPeriod night, List<Entry> entries, Instant now) {
        java.time.ZoneId zone = calendars.at(region.id(), now).timeZone();
        String named = entries.stream()
            .limit(NAMED_IN_NOTIFICATION)
            .map(e -> e.caseNumber() + " " + e.what().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " at " + PromiseTime.format(e.at(), zone, now)
                    + (e.handlerName() == null ? "" : " (" + e.handlerName() + ")"))
            .collect(Collectors.joining("; "));
        int more = entries.size() - NAMED_IN_NOTIFICATION;
        return "Morning list for " + region.name() + ": while closed from " + PromiseTime.format(night.from(), zone, now)
                + " to " + PromiseTime.format(night.to(), zone, now) + ", " + entries.size()
                + (entries.size() == 1 ? " thing needs" : " things need") + " you: " + named
                + (more > 0 ? "; and " + more + " more" : "") + ". The whole list: GET /api/regions/" + region.id()
                + "/morning-list.";
    }

}
