package io.nohold.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.nohold.casefile.Notification.RecipientKind;
import io.nohold.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of notifications to customers, reps and supervisors. Rows are written by {@link CaseFile} in the same
 * transaction as the step that causes them, so a notification exists exactly when its step happened. Channel adapters
 * read it and mark what they delivered.
 */
@Repository
public class NotificationOutbox {

    /**
     * Whether a customer notification {@code n} goes by e-mail: the customer has an e-mail address, and the case came
     * in by e-mail or the web form, or the customer has neither a phone number nor a channel handle (e-mail is the only
     * way to reach them). Customer notifications for which it does not hold go to the channel adapters.
     */
    static final String BY_MAIL = """
            EXISTS (SELECT 1 FROM support_case c, customer cu
                    WHERE c.case_number = n.case_number AND cu.id = n.recipient AND cu.email_key IS NOT NULL
                    AND (c.channel IN ('EMAIL', 'WEB')
                         OR (cu.phone_key IS NULL
                             AND NOT EXISTS (SELECT 1 FROM customer_handle h WHERE h.customer_id = cu.id))))""";

    private static final String COLUMNS = "id, case_number, recipient_kind, recipient, kind, text, created_at, deliver_after, delivered_at, subject";

    private final JdbcClient jdbc;

    NotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void toCustomer(String caseNumber, String customerId, NotificationKind kind, CustomerTexts.Text text) {
        add(caseNumber, RecipientKind.CUSTOMER, customerId, kind, text.subject(), text.body(), null);
    }

    void toUser(String caseNumber, String userId, NotificationKind kind, String text) {
        add(caseNumber, RecipientKind.USER, userId, kind, null, text, null);
    }

    void toGroup(String caseNumber, String groupId, NotificationKind kind, String text) {
        add(caseNumber, RecipientKind.GROUP, groupId, kind, null, text, null);
    }

    /** To a group, handed out not before {@code deliverAfter} (null: at once). */
    void toGroup(String caseNumber, String groupId, NotificationKind kind, String text, Instant deliverAfter) {
        add(caseNumber, RecipientKind.GROUP, groupId, kind, null, text, deliverAfter);
    }

    private void add(String caseNumber, RecipientKind recipientKind, String recipient, NotificationKind kind, String subject,
            String text, Instant deliverAfter) {
        jdbc.sql("""
                INSERT INTO notification (case_number, recipient_kind, recipient, kind, subject, text, created_at, deliver_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .param(caseNumber)
            .param(recipientKind.name())
            .param(recipient)
            .param(kind.name())
            .param(subject == null || subject.length() <= 300 ? subject : subject.substring(0, 300))
            .param(text.length() <= 8000 ? text : text.substring(0, 8000))
            .param(EngineClock.utc(EngineClock.now()))
            .param(EngineClock.utc(deliverAfter))
            .update();
    }

    public List<Notification> ofCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE case_number = ? ORDER BY id")
            .param(caseNumber)
            .query(NotificationOutbox::map)
            .list();
    }

    /**
     * What channel adapters are handed, oldest first: never a notification whose {@code deliver_after} lies after
     * now.
     */
    public List<Notification> query(String recipient, boolean pendingOnly, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM notification WHERE (deliver_after IS NULL OR deliver_after <= :now)");
        if (recipient != null) {
            sql.append(" AND recipient = :recipient");
        }
        if (pendingOnly) {
            sql.append(" AND delivered_at IS NULL");
        }
        sql.append(" ORDER BY id LIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
            .param("limit", limit)
            .param("now", EngineClock.utc(EngineClock.now()));
        if (recipient != null) {
            statement = statement.param("recipient", recipient);
        }
        return statement.query(NotificationOutbox::map).list();
    }

    /** What marking a notification delivered did. */
    public enum Marked {
        /** Marked now, or it was marked before: marking is idempotent. */
        DELIVERED,
        /** Held until {@code deliver_after}: nobody was handed it, so nobody can have delivered it. Left unmarked. */
        NOT_YET_DUE,
        NOT_FOUND
    }

    /** Marks a notification delivered, unless it is held for later (then nothing changes). */
    public Marked markDelivered(long id) {
        Instant now = EngineClock.now();
        int marked = jdbc.sql("""
                UPDATE notification SET delivered_at = :now
                WHERE id = :id AND delivered_at IS NULL AND (deliver_after IS NULL OR deliver_after <= :now)""")
            .param("now", EngineClock.utc(now))
            .param("id", id)
            .update();
        if (marked == 1) {
            return Marked.DELIVERED;
        }
        return jdbc.sql("SELECT delivered_at, deliver_after FROM notification WHERE id = ?")
            .param(id)
            .query((rs, row) -> {
                OffsetDateTime after = rs.getObject("deliver_after", OffsetDateTime.class);
                return rs.getObject("delivered_at") == null && after != null && after.toInstant().isAfter(now)
                        ? Marked.NOT_YET_DUE : Marked.DELIVERED;
            })
            .optional()
            .orElse(Marked.NOT_FOUND);
    }

    /**
     * Empties the texts of the case's notifications: they name the customer, quote what they wrote and are addressed
     * by customer id, which stays. An undelivered one is marked delivered, so that no adapter sends an empty text.
     * Idempotent.
     */
    void eraseTexts(String caseNumber) {
        jdbc.sql("UPDATE notification SET text = '', subject = NULL, delivered_at = COALESCE(delivered_at, ?) WHERE case_number = ? AND text <> ''")
            .param(EngineClock.utc(EngineClock.now()))
            .param(caseNumber)
            .update();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        OffsetDateTime deliverAfter = rs.getObject("deliver_after", OffsetDateTime.class);
        OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
        return new Notification(rs.getLong("id"), rs.getString("case_number"),
                RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("text"), created.toInstant(), deliverAfter == null ? null : deliverAfter.toInstant(),
                delivered == null ? null : delivered.toInstant(), rs.getString("subject"));
    }

    /**
     * A customer notification as a channel adapter needs it: whom to answer (the customer's id, and their handle on
     * the case's channel: on PHONE their phone number) and what to say. The text is empty once the customer's data
     * was erased.
     */
    public record ForAdapter(long id, String caseNumber, NotificationKind kind, String subject, String text, String customerId,
            Instant createdAt, Instant deliverAfter, String channel, String handle) {
    }

    private static final String FOR_ADAPTER = """
            SELECT n.id, n.case_number, n.kind, n.subject, n.text, n.recipient, n.created_at, n.deliver_after, s.channel,
                   CASE WHEN s.channel = 'PHONE' THEN cu.phone ELSE h.handle END AS handle
            FROM notification n
            JOIN support_case s ON s.case_number = n.case_number
            JOIN customer cu ON cu.id = n.recipient
            LEFT JOIN customer_handle h ON h.customer_id = n.recipient AND h.channel = s.channel
            WHERE n.recipient_kind = 'CUSTOMER'
            """;

    /**
     * The customer notifications for the channel adapters (those not going by e-mail) of the given kinds, with an id
     * after {@code afterId}, written at or after {@code since}, and not erased; oldest first.
     */
    public List<ForAdapter> forAdapters(long afterId, Instant since, Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FOR_ADAPTER + """
                 AND n.id > :after AND n.created_at >= :since AND n.kind IN (:kinds) AND n.text <> ''
                """ + " AND NOT " + BY_MAIL + " ORDER BY n.id")
            .param("after", afterId)
            .param("since", EngineClock.utc(since))
            .param("kinds", kinds)
            .query(NotificationOutbox::forAdapter)
            .list();
    }

    /** One customer notification as a channel adapter needs it, as it is now. */
    public Optional<ForAdapter> forAdapter(long id) {
        return jdbc.sql(FOR_ADAPTER + " AND n.id = :id").param("id", id).query(NotificationOutbox::forAdapter).optional();
    }

    private static ForAdapter forAdapter(ResultSet rs, int row) throws SQLException {
        OffsetDateTime after = rs.getObject("deliver_after", OffsetDateTime.class);
        return new ForAdapter(rs.getLong("id"), rs.getString("case_number"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getString("text"), rs.getString("recipient"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                after == null ? null : after.toInstant(), rs.getString("channel"), rs.getString("handle"));
    }

    /**
     * Customer notifications due and not delivered yet (not given up by the mail sender, not erased): the outbox's
     * backlog. One count over the notifications table.
     */
    public long pendingForCustomers() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification
                WHERE recipient_kind = 'CUSTOMER' AND delivered_at IS NULL AND text <> ''
                AND (mail_state IS NULL OR mail_state <> 'FAILED')
                AND (deliver_after IS NULL OR deliver_after <= ?)""")
            .param(EngineClock.utc(EngineClock.now()))
            .query(Long.class)
            .single();
    }

}
