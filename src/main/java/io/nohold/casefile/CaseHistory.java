package io.nohold.casefile;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.nohold.engine.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of every case, written as things happen and never rewritten. Written only through {@link CaseFile}. */
@Repository
public class CaseHistory {

    private static final int DETAIL_LIMIT = 4000;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    CaseHistory(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void record(String caseNumber, CaseEventType type, String actor, String outcome, String detail) {
        record(caseNumber, type, null, actor, outcome, detail);
    }

    void record(String caseNumber, CaseEventType type, String task, String actor, String outcome, String detail) {
        jdbc.sql("""
                INSERT INTO case_event (case_number, occurred_at, category, type, task, actor, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .param(caseNumber)
            .param(EngineClock.utc(EngineClock.now()))
            .param(type.category().name())
            .param(type.name())
            .param(clip(task, 100))
            .param(actor)
            .param(clip(outcome, 40))
            .param(clip(detail, DETAIL_LIMIT))
            .update();
        events.publishEvent(new CaseEventRecorded(caseNumber, type, actor, outcome));
    }

    public List<CaseEvent> of(String caseNumber) {
        return jdbc.sql("""
                SELECT id, case_number, occurred_at, type, task, actor, outcome, detail
                FROM case_event WHERE case_number = ? ORDER BY id""")
            .param(caseNumber)
            .query(CaseHistory::map)
            .list();
    }

    /** Entries of these types in the cases of a region that happened from {@code from} until before {@code to}. */
    List<CaseEvent> ofRegion(String regionId, Collection<CaseEventType> types, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT e.id, e.case_number, e.occurred_at, e.type, e.task, e.actor, e.outcome, e.detail
                FROM case_event e JOIN support_case c ON c.case_number = e.case_number
                WHERE c.region_id = :region AND e.type IN (:types) AND e.occurred_at >= :from AND e.occurred_at < :to
                ORDER BY e.occurred_at, e.id LIMIT :limit""")
            .param("region", regionId)
            .param("types", types.stream().map(Enum::name).toList())
            .param("from", EngineClock.utc(from))
            .param("to", EngineClock.utc(to))
            .param("limit", limit)
            .query(CaseHistory::map)
            .list();
    }

    private static CaseEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CaseEvent(rs.getLong("id"), rs.getString("case_number"), CaseRepository.instant(rs, "occurred_at"),
                CaseEventType.valueOf(rs.getString("type")), rs.getString("task"), rs.getString("actor"),
                rs.getString("outcome"), rs.getString("detail"));
    }

    /** Clears the details of the case's entries that can carry personal text; idempotent. */
    void eraseFreeText(String caseNumber) {
        List<String> types = Arrays.stream(CaseEventType.values()).filter(CaseEventType::freeText).map(Enum::name).toList();
        jdbc.sql("UPDATE case_event SET detail = NULL WHERE case_number = :case AND detail IS NOT NULL AND type IN (:types)")
            .param("case", caseNumber)
            .param("types", types)
            .update();
    }

    private static String clip(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

}
