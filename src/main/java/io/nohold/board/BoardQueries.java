package io.nohold.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.nohold.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's reads of the case file's tables, each bounded by an index of {@code V16__board.sql}: a region's open
 * cases are counted by state and holder, listed by the next deadline of their state (a limit each), and a day or a
 * week is read from {@code promise_outcome} and the history's entries of a few types. Reads only; the case file writes.
 */
@Repository
class BoardQueries {

    /** Cases whose contacts someone holds or the team is offered: what the rings and the team count. */
    static final List<String> HELD = List.of("OPEN", "AWAITING_APPROVAL");

    private static final String CASE_COLUMNS = """
            c.case_number, c.state, c.channel, c.subject, c.personal_rep_id, c.handler_id, c.received_at, c.promised_by,
            c.response_due_at, c.personal_window_ends_at, c.resolution_due_at""";

    private final JdbcClient jdbc;

    BoardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OpenCase(String caseNumber, String state, String channel, String subject, String personalRepId,
            String handlerId, Instant receivedAt, Instant promisedBy, Instant responseDueAt, Instant personalWindowEndsAt,
            Instant resolutionDueAt) {
    }

    /** Open cases of a region by state, holder and whether the holder is the customer's own rep. */
    record RingCount(String state, boolean held, boolean ownRep, long count) {
    }

    List<RingCount> ringCounts(String regionId) {
        return jdbc.sql("""
                SELECT state, CASE WHEN handler_id IS NULL THEN 0 WHEN handler_id = personal_rep_id THEN 2 ELSE 1 END AS holder,
                  COUNT(*) AS n
                FROM support_case WHERE region_id = ? AND state IN ('OPEN', 'AWAITING_APPROVAL', 'ESCALATED')
                GROUP BY state, CASE WHEN handler_id IS NULL THEN 0 WHEN handler_id = personal_rep_id THEN 2 ELSE 1 END""")
            .param(regionId)
            .query((rs, n) -> new RingCount(rs.getString(1), rs.getInt(2) > 0, rs.getInt(2) == 2, rs.getLong(3)))
            .list();
    }

    /** Open cases waiting for a first answer, the earliest promise first. */
    List<OpenCase> awaitingFirstResponse(String regionId, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM support_case c WHERE c.region_id = ? AND c.state = 'OPEN'"
                + " AND c.response_due_at IS NOT NULL ORDER BY c.response_due_at LIMIT ?")
            .param(regionId)
            .param(limit)
            .query(BoardQueries::openCase)
            .list();
    }

    /** Open cases waiting for a first answer whose personal window ends after {@code now}, the earliest first. */
    List<OpenCase> personalWindowsRunning(String regionId, Instant now, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM support_case c WHERE c.region_id = ? AND c.state = 'OPEN'"
                + " AND c.personal_window_ends_at > ? AND c.response_due_at IS NOT NULL"
                + " ORDER BY c.personal_window_ends_at LIMIT ?")
            .param(regionId)
            .param(EngineClock.utc(now))
            .param(limit)
            .query(BoardQueries::openCase)
            .list();
    }

    /** Open cases whose customer has been reached, the earliest resolution first. */
    List<OpenCase> beingResolved(String regionId, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM support_case c WHERE c.region_id = ? AND c.state = 'OPEN'"
                + " AND c.response_due_at IS NULL AND c.resolution_due_at IS NOT NULL ORDER BY c.resolution_due_at LIMIT ?")
            .param(regionId)
            .param(limit)
            .query(BoardQueries::openCase)
            .list();
    }

    /**
     * How many open cases are at risk by {@code until}: a first answer due by then, a personal window of the own rep
     * ending by then, or a resolution due by then.
     */
    long atRisk(String regionId, Instant now, Instant until) {
        long promises = jdbc.sql("SELECT COUNT(*) FROM support_case WHERE region_id = ? AND state = 'OPEN'"
                + " AND response_due_at IS NOT NULL AND response_due_at <= ?")
            .param(regionId)
            .param(EngineClock.utc(until))
            .query(Long.class)
            .single();
        long windows = jdbc.sql("SELECT COUNT(*) FROM support_case WHERE region_id = ? AND state = 'OPEN'"
                + " AND personal_window_ends_at > ? AND personal_window_ends_at <= ? AND response_due_at > ?"
                + " AND handler_id = personal_rep_id")
            .param(regionId)
            .param(EngineClock.utc(now))
            .param(EngineClock.utc(until))
            .param(EngineClock.utc(until))
            .query(Long.class)
            .single();
        long resolutions = jdbc.sql("SELECT COUNT(*) FROM support_case WHERE region_id = ? AND state = 'OPEN'"
                + " AND response_due_at IS NULL AND resolution_due_at <= ?")
            .param(regionId)
            .param(EngineClock.utc(until))
            .query(Long.class)
            .single();
        return promises + windows + resolutions;
    }

    /** Cases with the region's supervisors: escalated, or waiting for an approval; the longest waiting first. */
    List<OpenCase> withSupervisors(String regionId, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM support_case c WHERE c.region_id = ?"
                + " AND c.state IN ('ESCALATED', 'AWAITING_APPROVAL') ORDER BY c.received_at LIMIT ?")
            .param(regionId)
            .param(limit)
            .query(BoardQueries::openCase)
            .list();
    }

    /** What became of first-response promises of a region from {@code from} on. */
    record Outcome(String caseNumber, String channel, String outcome, Instant at, boolean reached, String actor,
            Boolean ownRep, Long waitedSeconds) {
    }

    List<Outcome> outcomes(String regionId, Instant from) {
        return jdbc.sql("""
                SELECT case_number, channel, outcome, occurred_at, reached, actor, own_rep, waited_seconds
                FROM promise_outcome WHERE region_id = ? AND occurred_at >= ?""")
            .param(regionId)
            .param(EngineClock.utc(from))
            .query((rs, n) -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                    rs.getBoolean(5), rs.getString(6), (Boolean) rs.getObject(7), (Long) longOrNull(rs, 8)))
            .list();
    }

    /** Entries of the history of these types in the region's cases from {@code from} on: type, actor, outcome, time. */
    record Entry(String type, String actor, String outcome, Instant at) {
    }

    List<Entry> entries(String regionId, List<String> types, Instant from) {
        return jdbc.sql("""
                SELECT e.type, e.actor, e.outcome, e.occurred_at FROM case_event e
                JOIN support_case c ON c.case_number = e.case_number
                WHERE e.type IN (:types) AND e.occurred_at >= :from AND c.region_id = :region""")
            .param("types", types)
            .param("from", EngineClock.utc(from))
            .param("region", regionId)
            .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
            .list();
    }

    /** Per holder of the region: their held cases, and when the oldest of them came in. */
    record HolderLoad(String handlerId, long open, Instant oldestReceivedAt) {
    }

    List<HolderLoad> holderLoads(String regionId) {
        return jdbc.sql("""
                SELECT handler_id, COUNT(*), MIN(received_at) FROM support_case
                WHERE region_id = :region AND state IN (:held) AND handler_id IS NOT NULL GROUP BY handler_id""")
            .param("region", regionId)
            .param("held", HELD)
            .query((rs, n) -> new HolderLoad(rs.getString(1), rs.getLong(2), instant(rs, 3)))
            .list();
    }

    /** The oldest case a rep holds. */
    java.util.Optional<OpenCase> oldestHeldBy(String repId) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM support_case c WHERE c.handler_id = :rep AND c.state IN (:held)"
                + " ORDER BY c.received_at LIMIT 1")
            .param("rep", repId)
            .param("held", HELD)
            .query(BoardQueries::openCase)
            .optional();
    }

    private static OpenCase openCase(ResultSet rs, int row) throws SQLException {
        return new OpenCase(rs.getString("case_number"), rs.getString("state"), rs.getString("channel"),
                rs.getString("subject"), rs.getString("personal_rep_id"), rs.getString("handler_id"),
                instant(rs, "received_at"), instant(rs, "promised_by"), instant(rs, "response_due_at"),
                instant(rs, "personal_window_ends_at"), instant(rs, "resolution_due_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Object longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
