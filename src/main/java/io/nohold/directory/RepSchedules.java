package io.nohold.directory;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.calendar.OpeningInterval;
import io.nohold.engine.EngineClock;
import io.nohold.engine.TransactionCache;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored rep schedules, and when a rep works: shift times are wall-clock times in the zone of the calendar of the
 * rep's region, in force at the moment asked about; the region's holidays and closed dates are off, and so are the
 * rep's absences. A rep without shifts works whenever the region is open. Nothing is looked up further ahead than
 * {@link #HORIZON}.
 */
@Repository
public class RepSchedules {

    /** How far ahead a shift is looked for before calling a rep off for good. */
    public static final Duration HORIZON = Duration.ofDays(92);

    /** How far back shift ends and absences are looked at. */
    private static final Duration LOOKBACK = Duration.ofDays(8);

    private final JdbcClient jdbc;

    private final RegionCalendars calendars;

    private final TransactionCache<String, RegionSchedules> regionSchedules = new TransactionCache<>();

    private final DirectoryAudit audit;

    RepSchedules(JdbcClient jdbc, RegionCalendars calendars, DirectoryAudit audit) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
    }

    public RepSchedule schedule(String repId) {
        Map<DayOfWeek, List<OpeningInterval>> shifts = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, starts_at, ends_at FROM rep_shift WHERE rep_id = ? ORDER BY starts_at")
            .param(repId)
            .query(rs -> {
                shifts.computeIfAbsent(DayOfWeek.valueOf(rs.getString(1)), day -> new ArrayList<>())
                    .add(new OpeningInterval(rs.getInt(2), rs.getInt(3)));
            });
        List<Absence> absences = jdbc
            .sql("SELECT starts_at, ends_at, kind, note FROM rep_absence WHERE rep_id = ? ORDER BY starts_at, id")
            .param(repId)
            .query((rs, n) -> new Absence(rs.getObject(1, OffsetDateTime.class).toInstant(),
                    rs.getObject(2, OffsetDateTime.class).toInstant(), Absence.Kind.valueOf(rs.getString(3)), rs.getString(4)))
            .list();
        return new RepSchedule(shifts, absences);
    }

    /** Replaces the rep's shifts and absences. */
    @Transactional
    public void save(String repId, RepSchedule schedule) {
        audit.record("SCHEDULE_CHANGED", "rep " + repId, "shifts on " + schedule.shifts().keySet() + ", "
                + schedule.absences().size() + " absences");
        regionSchedules.forgetAll();
        jdbc.sql("DELETE FROM rep_shift WHERE rep_id = ?").param(repId).update();
        jdbc.sql("DELETE FROM rep_absence WHERE rep_id = ?").param(repId).update();
        schedule.shifts().forEach((day, intervals) -> intervals.forEach(shift -> jdbc
            .sql("INSERT INTO rep_shift (rep_id, day_of_week, starts_at, ends_at) VALUES (?, ?, ?, ?)")
            .param(repId)
            .param(day.name())
            .param(shift.from())
            .param(shift.to())
            .update()));
        schedule.absences().forEach(absence -> jdbc
            .sql("INSERT INTO rep_absence (rep_id, starts_at, ends_at, kind, note) VALUES (?, ?, ?, ?, ?)")
            .param(repId)
            .param(EngineClock.utc(absence.from()))
            .param(EngineClock.utc(absence.to()))
            .param(absence.kind().name())
            .param(absence.note())
            .update());
    }

    /** Whether anything is stored for the rep, shifts or absences. */
    public boolean stored(String repId) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM rep_shift WHERE rep_id = :rep) + (SELECT COUNT(*) FROM rep_absence WHERE rep_id = :rep)""")
            .param("rep", repId)
            .query(Long.class)
            .single() > 0;
    }

    public boolean onShift(Rep rep, Instant at) {
        return workingTime(rep, at).isOpen(at);
    }

    /**
     * When the rep's next shift begins: {@code after} itself when off shift then and a shift begins right then, else
     * the next start; while on shift, the start of the shift after this one. Empty when none lies within the horizon.
     */
    public Optional<Instant> nextShiftStart(Rep rep, Instant after) {
        BusinessCalendar time = workingTime(rep, after);
        Instant from = time.isOpen(after) ? time.openUntil(after, HORIZON) : after;
        return time.nextOpening(from, HORIZON);
    }

    /** The end of the shift the rep is in at {@code at}; empty when off shift then. */
    public Optional<Instant> shiftEnd(Rep rep, Instant at) {
        BusinessCalendar time = workingTime(rep, at);
        return time.isOpen(at) ? Optional.of(time.openUntil(at, HORIZON)) : Optional.empty();
    }

    /** The rep's working time as a calendar, under the region calendar in force at {@code at}. */
    public BusinessCalendar workingTime(Rep rep, Instant at) {
        BusinessCalendar time = workingTimes(rep.regionId(), at).get(rep.id());
        // someone who left is no longer among the region's people
        return time != null ? time : schedule(rep.id()).workingTime(calendars.at(rep.regionId(), at));
    }

    /**
     * The working time of every rep of a region, by rep id, under the region calendar in force at {@code at}: the
     * shifts and absences of all of them in one query. Absences that ended more than a week before {@code at} or begin
     * beyond the horizon are left out.
     */
    public Map<String, BusinessCalendar> workingTimes(String regionId, Instant at) {
        RegionSchedules stored = regionSchedules.get(regionId, region -> Optional.of(read(region, at)))
            .filter(read -> read.covers(at))
            .orElseGet(() -> {
                regionSchedules.forget(regionId);
                return regionSchedules.get(regionId, region -> Optional.of(read(region, at))).orElseThrow();
            });
        return stored.workingTimes(calendars.at(regionId, at));
    }

    /**
     * The shifts and absences of a region's reps as read for a moment: absences from a week before it to the horizon
     * after it. Kept for the transaction (the promise and each ring of a contact ask for the same region) as long as
     * it is asked about moments within a day of the first.
     */
    private record RegionSchedules(Instant readFor, List<String> reps, Map<String, Map<DayOfWeek, List<OpeningInterval>>> shifts,
            Map<String, List<Absence>> absences, Map<RegionCalendar, Map<String, BusinessCalendar>> built) {

        RegionSchedules(Instant readFor, List<String> reps, Map<String, Map<DayOfWeek, List<OpeningInterval>>> shifts,
                Map<String, List<Absence>> absences) {
            this(readFor, reps, shifts, absences, new IdentityHashMap<>());
        }

        boolean covers(Instant at) {
            return Duration.between(readFor, at).abs().compareTo(Duration.ofDays(1)) <= 0;
        }

        /** Built once per region calendar version for the transaction: a contact's promise and rings ask more than once. */
        Map<String, BusinessCalendar> workingTimes(RegionCalendar region) {
            return built.computeIfAbsent(region, calendar -> {
                Map<String, BusinessCalendar> times = new HashMap<>();
                for (String rep : reps) {
                    times.put(rep, new RepSchedule(shifts.getOrDefault(rep, Map.of()), absences.getOrDefault(rep, List.of()))
                        .workingTime(calendar));
                }
                return Collections.unmodifiableMap(times);
            });
        }

    }

    /**
     * Two plain queries rather than one {@code UNION}: H2 keeps the parsed form of a plain query for the connection but
     * parses a {@code UNION} again on every call, which was most of what a region's schedules cost (docs/performance.md,
     * "The simulator").
     */
    private RegionSchedules read(String regionId, Instant at) {
        Map<String, Map<DayOfWeek, List<OpeningInterval>>> shifts = new HashMap<>();
        Map<String, List<Absence>> absences = new HashMap<>();
        List<String> reps = new ArrayList<>();
        jdbc.sql("""
                SELECT r.id, s.day_of_week, s.starts_at, s.ends_at
                FROM rep r LEFT JOIN rep_shift s ON s.rep_id = r.id
                WHERE r.region_id = :region AND r.removed_at IS NULL""")
            .param("region", regionId)
            .query(rs -> {
                String rep = rs.getString(1);
                if (!reps.contains(rep)) {
                    reps.add(rep);
                }
                if (rs.getString(2) != null) {
                    shifts.computeIfAbsent(rep, id -> new EnumMap<>(DayOfWeek.class))
                        .computeIfAbsent(DayOfWeek.valueOf(rs.getString(2)), day -> new ArrayList<>())
                        .add(new OpeningInterval(rs.getInt(3), rs.getInt(4)));
                }
            });
        jdbc.sql("""
                SELECT a.rep_id, a.starts_at, a.ends_at, a.kind
                FROM rep_absence a JOIN rep r ON r.id = a.rep_id
                WHERE r.region_id = :region AND r.removed_at IS NULL AND a.ends_at > :from AND a.starts_at < :to""")
            .param("region", regionId)
            .param("from", EngineClock.utc(at.minus(LOOKBACK).minus(Duration.ofDays(1))))
            .param("to", EngineClock.utc(at.plus(HORIZON).plus(LOOKBACK).plus(Duration.ofDays(1))))
            .query(rs -> {
                absences.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                    .add(new Absence(rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), Absence.Kind.valueOf(rs.getString(4)), null));
            });
        return new RegionSchedules(at, reps, shifts, absences);
    }

    /**
     * Claims the handover of a rep's shift end for this node: true for the first caller, false for every later one
     * (another node, or this one again). Runs in the caller's transaction; on PostgreSQL a refused claim spoils it, so
     * the caller claims first and gives up its transaction when refused.
     */
    public boolean claimShiftEnd(String repId, Instant shiftEnd) {
        try {
            return jdbc.sql("INSERT INTO rep_shift_end (rep_id, shift_end, handled_at) VALUES (?, ?, ?)")
                .param(repId)
                .param(EngineClock.utc(shiftEnd))
                .param(EngineClock.utc(EngineClock.now()))
                .update() == 1;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Forgets claims of shift ends long past, which no node looks at again. */
    public int forgetShiftEndsBefore(Instant before) {
        return jdbc.sql("DELETE FROM rep_shift_end WHERE shift_end < ?").param(EngineClock.utc(before)).update();
    }

}
