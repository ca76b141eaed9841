package io.nohold.casefile;

import java.util.List;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.system.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of every case, written as things happen and never rewritten. */
@Repository
public class CaseHistory {

    private static final int DETAIL_LIMIT = 4000;

    private final JdbcClient jdbc;

    CaseHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String caseNumber, Category category, String type, String actor, String outcome, String detail) {
        jdbc.sql("""
                INSERT INTO case_event (case_number, occurred_at, category, type, actor, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .param(caseNumber)
            .param(EngineClock.utc(EngineClock.now()))
            .param(category.name())
            .param(type)
            .param(actor)
            .param(outcome)
            .param(detail == null || detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT))
            .update();
    }

    public List<CaseEvent> of(String caseNumber) {
        return jdbc.sql("""
                SELECT id, case_number, occurred_at, category, type, actor, outcome, detail
                FROM case_event WHERE case_number = ? ORDER BY id""")
            .param(caseNumber)
            .query((rs, n) -> new CaseEvent(rs.getLong("id"), rs.getString("case_number"),
                    CaseRepository.instant(rs, "occurred_at"), Category.valueOf(rs.getString("category")),
                    rs.getString("type"), rs.getString("actor"), rs.getString("outcome"), rs.getString("detail")))
            .list();
    }

}
