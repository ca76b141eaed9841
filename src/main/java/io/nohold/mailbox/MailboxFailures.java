package io.nohold.mailbox;

import java.time.OffsetDateTime;
import java.util.List;

import io.nohold.engine.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of mails moved to the Failed folder (table mailbox_failure): one row per Message-ID. */
@Repository
public class MailboxFailures {

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

    /**
     * Erases the record of failed mails from the address: the row stays (the mail is still in the Failed folder), its
     * sender and subject go. Returns how many rows changed.
     */
    public int eraseFrom(String address) {
        if (address == null || address.isBlank()) {
            return 0;
        }
        return jdbc.sql("UPDATE mailbox_failure SET sender = NULL, subject = NULL WHERE LOWER(sender) = LOWER(?)")
            .param(address.strip())
            .update();
    }

    private static String clip(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

}
