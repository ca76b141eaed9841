package io.nohold.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.calendar.OpeningInterval;
import io.nohold.engine.EngineClock;
import io.nohold.engine.TransactionCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored region calendars. Saving never overwrites: it adds a version valid from now, so whatever was received
 * before the change keeps being measured by the calendar it was received under.
 * <p>
 * A version never changes once written, so a loaded version is kept for the life of the node. Which versions a region
 * has is read once per transaction (a contact's promise and each of its rings ask), so a new version counts from the
 * next transaction on every node.
 */
@Repository
public class RegionCalendars {

    /** A region's calendar versions, oldest first. */
    private record Version(long id, Instant validFrom) {
    }

    private final JdbcClient jdbc;

    private final TransactionCache<String, List<Version>> versions = new TransactionCache<>();

    private final Map<Long, RegionCalendar> loaded = new ConcurrentHashMap<>();

    private final DirectoryAudit audit;

    RegionCalendars(JdbcClient jdbc, DirectoryAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The calendar in force now. */
    public RegionCalendar current(String regionId) {
        return at(regionId, EngineClock.now());
    }

    /** The calendar in force at a moment, e.g. when a contact was received. */
    public RegionCalendar at(String regionId, Instant moment) {
        return version(regionId, moment).map(this::load).orElse(RegionCalendar.AROUND_THE_CLOCK);
    }

    public BusinessCalendar businessCalendar(String regionId, Instant moment) {
        return at(regionId, moment).business();
    }

    /** Whether the region has a calendar of its own (else it is open around the clock). */
    public boolean stored(String regionId) {
        return jdbc.sql("SELECT COUNT(*) FROM region_calendar WHERE region_id = ?").param(regionId).query(Integer.class)
            .single() > 0;
    }

    @Transactional
    public void save(String regionId, RegionCalendar calendar) {
        audit.record("CALENDAR_CHANGED", "region " + regionId, "time zone " + calendar.timeZone().getId()
                + ", open on " + calendar.openingHours().keySet());
        OffsetDateTime now = EngineClock.utc(EngineClock.now());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO region_calendar (region_id, valid_from, time_zone, holiday_country, holiday_subdivision)
                VALUES (?, ?, ?, ?, ?)""")
            .param(regionId)
            .param(now)
            .param(calendar.timeZone().getId())
            .param(calendar.holidayCountry())
            .param(calendar.holidaySubdivision())
            .update(key, "id");
        long id = key.getKey().longValue();
        versions.forget(regionId);
        calendar.openingHours().forEach((day, intervals) -> intervals.forEach(interval -> jdbc
            .sql("INSERT INTO region_opening_hours (calendar_id, day_of_week, opens_at, closes_at) VALUES (?, ?, ?, ?)")
            .param(id)
            .param(day.name())
            .param(interval.from())
            .param(interval.to())
            .update()));
        calendar.closedDates().forEach(date -> jdbc.sql("INSERT INTO region_closed_date (calendar_id, closed_on) VALUES (?, ?)")
            .param(id)
            .param(date)
            .update());
    }

    /**
     * The newest version valid at the moment; before the first version, the first one: a region's first calendar is
     * taken to have held all along (a test clock or a contact may lie before the moment it was first set).
     */
    private Optional<Long> version(String regionId, Instant moment) {
        List<Version> all = versions.get(regionId, region -> Optional.of(jdbc
            .sql("SELECT id, valid_from FROM region_calendar WHERE region_id = ? ORDER BY valid_from, id")
            .param(region)
            .query((rs, n) -> new Version(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
            .list())).orElseThrow();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Version valid = all.get(0);
        for (Version version : all) {
            if (!version.validFrom().isAfter(moment)) {
                valid = version;
            }
        }
        return Optional.of(valid.id());
    }

    private RegionCalendar load(long id) {
        RegionCalendar calendar = loaded.get(id);
        if (calendar == null) {
            calendar = read(id);
            loaded.put(id, calendar);
        }
        return calendar;
    }

    private RegionCalendar read(long id) {
        record Head(String zone, String country, String subdivision) {
        }
        Head head = jdbc.sql("SELECT time_zone, holiday_country, holiday_subdivision FROM region_calendar WHERE id = ?")
            .param(id)
            .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, opens_at, closes_at FROM region_opening_hours WHERE calendar_id = ? ORDER BY opens_at")
            .param(id)
            .query(rs -> {
                hours.computeIfAbsent(DayOfWeek.valueOf(rs.getString(1)), day -> new ArrayList<>())
                    .add(new OpeningInterval(rs.getInt(2), rs.getInt(3)));
            });
        List<LocalDate> closed = jdbc.sql("SELECT closed_on FROM region_closed_date WHERE calendar_id = ? ORDER BY closed_on")
            .param(id)
            .query((rs, n) -> rs.getObject(1, LocalDate.class))
            .list();
        return new RegionCalendar(ZoneId.of(head.zone()), hours, head.country(), head.subdivision(), closed);
    }

}
