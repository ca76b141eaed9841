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

    /** Closed periods besides closed days, such as a rep's absences; sorted by start. */
    private final List<ClosedPeriod> closedPeriods;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> hours, Predicate<LocalDate> closed) {
        this(zone, hours, closed, List.of());
    }

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> hours, Predicate<LocalDate> closed,
            List<ClosedPeriod> closedPeriods) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.closed = closed;
        this.closedPeriods = closedPeriods.stream().sorted(Comparator.comparing(ClosedPeriod::from)).toList();
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

    /** The same calendar, also closed during these periods (an absence from Monday 08:00 to Friday 18:00). */
    public BusinessCalendar withClosedPeriods(List<ClosedPeriod> periods) {
        List<ClosedPeriod> all = new ArrayList<>(closedPeriods);
        all.addAll(periods);
        return new BusinessCalendar(zone, hours, closed, all);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (closed.test(day) || closedPeriods.stream().anyMatch(period -> period.contains(moment))) {
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
     * The moment itself when open, else the next moment the calendar opens; empty when it does not open within
     * {@code horizon} of {@code moment}.
     */
    public Optional<Instant> nextOpening(Instant moment, Duration horizon) {
        Instant limit = moment.plus(horizon);
        LocalDate first = moment.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = limit.atZone(zone).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openOn(day)) {
                if (open[1].isAfter(moment)) {
                    Instant from = max(open[0], moment);
                    return from.isAfter(limit) ? Optional.empty() : Optional.of(from);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Until when the calendar stays open without a break from {@code moment} on: the end of the open time that holds
     * {@code moment}, across midnight when the next day opens at 00:00. The moment itself when closed; at most
     * {@code horizon} after it.
     */
    public Instant openUntil(Instant moment, Duration horizon) {
        Instant limit = moment.plus(horizon);
        for (Instant[] open : merged(moment.atZone(zone).toLocalDate().minusDays(1), limit.atZone(zone).toLocalDate())) {
            if (!open[0].isAfter(moment) && open[1].isAfter(moment)) {
                return min(open[1], limit);
            }
        }
        return moment;
    }

    /**
     * The last moment at or before {@code moment}, and no longer than {@code lookback} before it, at which open time
     * ended (a shift's end); a break between two adjacent intervals, such as midnight between 22:00-24:00 and
     * 00:00-06:00, is no end.
     */
    public Optional<Instant> lastClosing(Instant moment, Duration lookback) {
        Instant earliest = moment.minus(lookback);
        Optional<Instant> last = Optional.empty();
        for (Instant[] open : merged(earliest.atZone(zone).toLocalDate().minusDays(1),
                moment.atZone(zone).toLocalDate().plusDays(1))) {
            if (!open[1].isAfter(moment) && !open[1].isBefore(earliest)) {
                last = Optional.of(open[1]);
            }
        }
        return last;
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

    /** The open spans of these days (inclusive), in order, spans that touch or overlap joined into one. */
    private List<Instant[]> merged(LocalDate first, LocalDate last) {
        List<Instant[]> spans = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openOn(day)) {
                Instant[] previous = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (previous != null && !open[0].isAfter(previous[1])) {
                    previous[1] = max(previous[1], open[1]);
                }
                else {
                    spans.add(new Instant[] { open[0], open[1] });
                }
            }
        }
        return spans;
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
        return closedPeriods.isEmpty() ? spans : withoutClosedPeriods(spans);
    }

    /** The spans with the closed periods cut out. */
    private List<Instant[]> withoutClosedPeriods(List<Instant[]> spans) {
        List<Instant[]> open = new ArrayList<>();
        for (Instant[] span : spans) {
            Instant from = span[0];
            for (ClosedPeriod period : closedPeriods) {
                if (!period.to().isAfter(from) || !period.from().isBefore(span[1])) {
                    continue;
                }
                if (period.from().isAfter(from)) {
                    open.add(new Instant[] { from, period.from() });
                }
                from = max(from, period.to());
                if (!from.isBefore(span[1])) {
                    break;
                }
            }
            if (from.isBefore(span[1])) {
                open.add(new Instant[] { from, span[1] });
            }
        }
        return open;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

}
