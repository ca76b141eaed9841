package io.nohold.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.nohold.engine.EngineClock;
import io.nohold.security.ApiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who changed what in the directory and when ({@code directory_audit}): written in the transaction of the change, so a
 * change that is rolled back leaves no row, and a change is never without its row. The actor is the caller of /api.
 */
@Repository
public class DirectoryAudit {

    private final JdbcClient jdbc;

    DirectoryAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audited change. {@code action} e.g. REGION_CREATED; {@code subject} what it changed, e.g. "region south". */
    public record Entry(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    /**
     * Records a change made by a caller of /api. What NoHold does by itself at start-up (the demo data, the sync of
     * the Camunda identity) has no caller and is not recorded: it would repeat on every start.
     */
    public void record(String action, String subject, String detail) {
        if (ApiUser.current().isEmpty()) {
            return;
        }
        String actor = ApiUser.current().get().id();
        jdbc.sql("INSERT INTO directory_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
            .param(EngineClock.utc(EngineClock.now()))
            .param(actor)
            .param(action)
            .param(subject)
            .param(detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
            .update();
    }

    /** The newest changes first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("SELECT id, at, actor, action, subject, detail FROM directory_audit ORDER BY id DESC LIMIT ?")
            .param(limit)
            .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
            .list();
    }

}
