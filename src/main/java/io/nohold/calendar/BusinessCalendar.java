package io.nohold.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a region is open: opening hours per weekday in wall-clock time of a zone, minus closed days (public holidays,
 * extra closed dates). Business time counts only open time. A moment is open when the wall clock of the zone shows an
 * open day and a time within one of its intervals, so on the day the clocks go back, an interval that covers the
 * repeated hour is open twice as long, and the hour that is skipped in spring is never open.
 */
public final class BusinessCalendar {

    /** How far to look for the next open moment before calling the calendar never open. */
    private static final int MAX_DAYS = 5 * 366;

    private final ZoneId zone;

    private final ZoneRules rules;

    private final Map<DayOfWeek, List<OpeningInterval>> hours;

    private final Predicate<LocalDate> closed;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> hours, Predicate<LocalDate> closed) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.closed = closed;
        Map<DayOfWeek, List<OpeningInterval>> sorted = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, intervals) -> {
            List<OpeningInterval> ordered = intervals.stream().sorted(Comparator.comparingInt(OpeningInterval::from)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                if (ordered.get(i - 1).overlaps(ordered.get(i))) {
                    throw new IllegalArgumentException("overlapping opening intervals on " + day);
                }
            }
            sorted.put(day, ordered);
        });
        this.hours = sorted;
    }

    /** Open around the clock, every day: what SLA time was before region calendars. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new OpeningInterval(0, OpeningInterval.END_OF_DAY)));
        }
        return new BusinessCalendar(zone, hours, day -> false);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (closed.test(day)) {
            return false;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        return hours.getOrDefault(day.getDayOfWeek(), List.of()).stream().anyMatch(interval -> interval.contains(minute));
    }

    /** The moment itself when open, else the next moment the calendar opens. */
    public Instant nextOpening(Instant moment) {
        return plusBusinessTime(moment, Duration.ZERO, true);
    }

    /**
     * The moment at which {@code duration} of open time has passed since {@code start}; closed time does not count.
     * A start in closed time begins counting at the next opening.
     */
    public Instant plusBusinessTime(Instant start, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("business time cannot be negative");
        }
        return plusBusinessTime(start, duration, false);
    }

    private Instant plusBusinessTime(Instant start, Duration duration, boolean toOpening) {
        if (duration.isZero() && !toOpening) {
            return start;
        }
        Duration remaining = duration;
        Instant cursor = start;
        // the day before, too: an instant belongs to the day its wall clock shows, which is not always the UTC day
        LocalDate first = start.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++) {
            for (Instant[] open : openOn(first.plusDays(i))) {
                Instant from = open[0].isAfter(cursor) ? open[0] : cursor;
                if (!from.isBefore(open[1])) {
                    continue;
                }
                if (toOpening) {
                    return from;
                }
                Duration available = Duration.between(from, open[1]);
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = open[1];
            }
        }
        throw new IllegalStateException("the calendar is not open within " + MAX_DAYS + " days of " + start);
    }

    /**
     * The latest closed period that began before {@code moment}: while the calendar is open, the one that ended at
     * this opening; while it is closed, the one going on (until the next opening). Empty when the calendar was open
     * all along for a month before the moment, or is not open within a month of it.
     */
    public Optional<ClosedPeriod> lastClosedPeriod(Instant moment) {
        LocalDate day = moment.atZone(zone).toLocalDate();
        List<Instant[]> open = new ArrayList<>();
        for (LocalDate d = day.minusDays(31); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (Instant[] span : openOn(d)) {
                Instant[] last = open.isEmpty() ? null : open.get(open.size() - 1);
                if (last != null && !span[0].isAfter(last[1])) {
                    last[1] = max(last[1], span[1]);
                }
                else {
                    open.add(new Instant[] { span[0], span[1] });
                }
            }
        }
        int current = -1;
        for (int i = 0; i < open.size() && !open.get(i)[0].isAfter(moment); i++) {
            current = i;
        }
        if (current < 0) {
            return Optional.empty();
        }
        if (open.get(current)[1].isAfter(moment)) {
            return current == 0 ? Optional.empty()
                    : Optional.of(new ClosedPeriod(open.get(current - 1)[1], open.get(current)[0]));
        }
        try {
            return Optional.of(new ClosedPeriod(open.get(current)[1], nextOpening(moment)));
        }
        catch (IllegalStateException neverOpen) {
            return Optional.empty();
        }
    }

    /**
     * The open spans of one day as instants, in order. Each opening interval is cut along the zone's offset changes, so
     * that a span holds exactly the instants whose wall-clock time lies in the interval.
     */
    private List<Instant[]> openOn(LocalDate day) {
        if (closed.test(day)) {
            return List.of();
        }
        List<Instant[]> spans = new ArrayList<>();
        LocalDateTime midnight = day.atStartOfDay();
        for (OpeningInterval interval : hours.getOrDefault(day.getDayOfWeek(), List.of())) {
            LocalDateTime from = midnight.plusMinutes(interval.from());
            LocalDateTime to = midnight.plusMinutes(interval.to());
            Instant segment = from.toInstant(ZoneOffset.MAX);
            Instant last = to.toInstant(ZoneOffset.MIN);
            while (segment.isBefore(last)) {
                ZoneOffset offset = rules.getOffset(segment);
                ZoneOffsetTransition change = rules.nextTransition(segment);
                Instant segmentEnd = change == null || change.getInstant().isAfter(last) ? last : change.getInstant();
                Instant start = max(segment, from.toInstant(offset));
                Instant end = min(segmentEnd, to.toInstant(offset));
                if (start.isBefore(end)) {
                    spans.add(new Instant[] { start, end });
                }
                segment = segmentEnd;
            }
        }
        spans.sort(Comparator.comparing(span -> span[0]));
        return spans;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

}
