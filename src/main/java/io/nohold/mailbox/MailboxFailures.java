package io.nohold.mailbox;

import java.time.OffsetDateTime;
import java.util.List;

import io.nohold.engine.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of mails moved to the Failed folder (table mailbox_failure): one row per Message-ID. */
@Repository
class MailboxFailures {

    private final JdbcClient jdbc;

    MailboxFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String messageId, String sender, String subject, String reason) {
        try {
            jdbc.sql("INSERT INTO mailbox_failure (message_id, sender, subject, reason, failed_at) VALUES (?, ?, ?, ?, ?)")
                .param(clip(messageId, 1000))
                .param(clip(sender, 320))
                .param(clip(subject, 300))
                .param(clip(reason, 2000))
                .param(EngineClock.utc(EngineClock.now()))
                .update();
        }
        catch (DuplicateKeyException e) {
            // another node recorded the same mail
        }
    }

    List<MailboxFailure> newest(int limit) {
        return jdbc.sql("SELECT id, message_id, sender, subject, reason, failed_at FROM mailbox_failure ORDER BY id DESC LIMIT ?")
            .param(limit)
            .query((rs, row) -> new MailboxFailure(rs.getLong("id"), rs.getString("message_id"), rs.getString("sender"),
                    rs.getString("subject"), rs.getString("reason"),
                    rs.getObject("failed_at", OffsetDateTime.class).toInstant()))
            .list();
    }

    private static String clip(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

}
