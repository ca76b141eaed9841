package io.nohold.casefile;

import java.time.Instant;
import java.util.List;

import io.nohold.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail side of the outbox: which customer notifications go out by mail, and their delivery state in the
 * {@code mail_*} and {@code message_id} columns of {@code notification}. A notification goes by mail when it is for
 * the customer and {@link NotificationOutbox#BY_MAIL} holds; exactly the others go to the webhooks of the channel
 * adapters ({@link NotificationOutbox#forAdapters}).
 * <p>
 * Nodes claim due rows with row locks ({@code FOR UPDATE SKIP LOCKED}): a row one node is claiming is skipped by the
 * others, and a claimed row is {@code SENDING} until its claim ends, so each notification is handed to one sender.
 */
@Repository
public class MailDeliveries {

    /** The rows the mail sender may take now; {@code :now} is the engine clock. */
    private static final String DUE = """
            n.recipient_kind = 'CUSTOMER' AND n.delivered_at IS NULL AND n.text <> ''
            AND (n.deliver_after IS NULL OR n.deliver_after <= :now)
            AND (n.mail_state IS NULL OR (n.mail_state IN ('RETRYING', 'SENDING') AND n.mail_next_attempt_at <= :now))
            """ + " AND " + NotificationOutbox.BY_MAIL;

    private final JdbcClient jdbc;

    MailDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due notifications for this sender until {@code claimUntil}, oldest first, and counts
     * the attempt. Rows that another sender is claiming at this moment are skipped, not waited for.
     */
    @Transactional
    public List<MailJob> claim(int limit, Instant claimUntil) {
        List<Long> ids = jdbc.sql("SELECT n.id FROM notification n WHERE " + DUE + " ORDER BY n.id LIMIT :limit FOR UPDATE SKIP LOCKED")
            .param("now", EngineClock.utc(EngineClock.now()))
            .param("limit", limit)
            .query(Long.class)
            .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                UPDATE notification SET mail_state = 'SENDING', mail_attempts = mail_attempts + 1,
                mail_next_attempt_at = :until WHERE id IN (:ids)""")
            .param("until", EngineClock.utc(claimUntil))
            .param("ids", ids)
            .update();
        return jdbc.sql("""
                SELECT n.id, n.case_number, n.kind, n.text, n.subject, n.mail_attempts, cu.email, c.subject AS case_subject
                FROM notification n JOIN support_case c ON c.case_number = n.case_number JOIN customer cu ON cu.id = n.recipient
                WHERE n.id IN (:ids) ORDER BY n.id""")
            .param("ids", ids)
            .query((rs, row) -> new MailJob(rs.getLong("id"), rs.getString("case_number"),
                    NotificationKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getInt("mail_attempts"),
                    rs.getString("email"), rs.getString("case_subject"), rs.getString("subject")))
            .list();
    }

    /** The mail server took the notification: it is delivered. */
    void sent(long id, String messageId) {
        jdbc.sql("""
                UPDATE notification SET mail_state = 'SENT', delivered_at = COALESCE(delivered_at, :now), message_id = :mid,
                mail_next_attempt_at = NULL WHERE id = :id""")
            .param("now", EngineClock.utc(EngineClock.now()))
            .param("mid", messageId)
            .param("id", id)
            .update();
    }

    void retryAt(long id, String messageId, Instant next) {
        jdbc.sql("UPDATE notification SET mail_state = 'RETRYING', message_id = :mid, mail_next_attempt_at = :next WHERE id = :id")
            .param("mid", messageId)
            .param("next", EngineClock.utc(next))
            .param("id", id)
            .update();
    }

    void failed(long id, String messageId) {
        jdbc.sql("UPDATE notification SET mail_state = 'FAILED', message_id = :mid, mail_next_attempt_at = NULL WHERE id = :id")
            .param("mid", messageId)
            .param("id", id)
            .update();
    }

    /** The state of a notification's mail: null (not taken), SENDING, RETRYING, SENT or FAILED. */
    public String state(long id) {
        return jdbc.sql("SELECT mail_state FROM notification WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    /**
     * The Message-IDs of the mails of the case sent before this notification, oldest first: a mail refers to them
     * ({@code References}) so that the customer's mail program shows one thread.
     */
    public List<String> earlierMessageIds(String caseNumber, long before) {
        return jdbc.sql("""
                SELECT message_id FROM notification WHERE case_number = ? AND id < ? AND mail_state = 'SENT'
                AND message_id IS NOT NULL ORDER BY id""")
            .param(caseNumber)
            .param(before)
            .query(String.class)
            .list();
    }

    /**
     * The Message-ID of the customer's mail that opened the case, when it came in by e-mail: the external id of the
     * case's first e-mail contact, when it is one ({@code <local@domain>}).
     */
    public java.util.Optional<String> openingMessageId(String caseNumber) {
        return jdbc.sql("SELECT external_id FROM contact WHERE case_number = ? AND channel = 'EMAIL' ORDER BY id LIMIT 1")
            .param(caseNumber)
            .query(String.class)
            .optional()
            .map(String::trim)
            .filter(id -> id.matches("<[^<>\\s@]+@[^<>\\s@]+>"));
    }

    /** A notification claimed for mail: whom to write, what, and on which attempt. */
    public record MailJob(long notificationId, String caseNumber, NotificationKind kind, String text, int attempt,
            String email, String caseSubject, String subject) {
    }

}
