package io.nohold.casefile;

import java.util.Arrays;
import java.util.List;

import io.nohold.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of every case, written as things happen and never rewritten. Written only through {@link CaseFile}. */
@Repository
public class CaseHistory {

    private static final int DETAIL_LIMIT = 4000;

    private final JdbcClient jdbc;

    CaseHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    }

    public List<CaseEvent> of(String caseNumber) {
        return jdbc.sql("""
                SELECT id, case_number, occurred_at, type, task, actor, outcome, detail
                FROM case_event WHERE case_number = ? ORDER BY id""")
            .param(caseNumber)
            .query((rs, n) -> new CaseEvent(rs.getLong("id"), rs.getString("case_number"),
                    CaseRepository.instant(rs, "occurred_at"), CaseEventType.valueOf(rs.getString("type")),
                    rs.getString("task"), rs.getString("actor"), rs.getString("outcome"), rs.getString("detail")))
            .list();
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
