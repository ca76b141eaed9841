package io.nohold.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.nohold.casefile.Channel;
import io.nohold.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ContactRepository {

    private static final String COLUMNS = """
            id, channel, external_id, customer_id, case_number, requested_case_number, subject, message, public_post,
            new_topic, received_at, promised_by, status, failure""";

    private final JdbcClient jdbc;

    private final AttachmentRepository attachments;

    ContactRepository(JdbcClient jdbc, AttachmentRepository attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    long insert(Channel channel, ContactRequest request, String customerId, java.time.Instant receivedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contact (channel, external_id, customer_id, requested_case_number, subject, message, public_post,
                                     new_topic, received_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .param(channel.name())
            .param(request.externalId().trim())
            .param(customerId)
            .param(request.caseNumber() == null || request.caseNumber().isBlank() ? null : request.caseNumber().trim())
            .param(request.subject())
            .param(request.message())
            .param(request.publicPost())
            .param(request.startsNewTopic())
            .param(EngineClock.utc(receivedAt))
            .param(ContactStatus.RECEIVED.name())
            .update(key, "id");
        return key.getKey().longValue();
    }

    /** The case of the contact the channel knows by this id, if it has one (a reply's earlier mail). */
    public Optional<String> caseOf(Channel channel, String externalId) {
        return jdbc.sql("SELECT case_number FROM contact WHERE channel = ? AND external_id = ? AND case_number IS NOT NULL")
            .param(channel.name())
            .param(externalId.trim())
            .query(String.class)
            .optional();
    }

    Optional<StoredContact> findByExternalId(Channel channel, String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE channel = ? AND external_id = ?")
            .param(channel.name())
            .param(externalId.trim())
            .query(ContactRepository::map)
            .optional();
    }

    public Optional<StoredContact> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE id = ?").param(id).query(ContactRepository::map).optional();
    }

    public List<StoredContact> ofCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE case_number = ? ORDER BY id")
            .param(caseNumber)
            .query(ContactRepository::map)
            .list();
    }

    List<StoredContact> withStatus(ContactStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE status = ? ORDER BY id LIMIT ?")
            .param(status.name())
            .param(limit)
            .query(ContactRepository::map)
            .list();
    }

    /**
     * Takes the contact for processing. Of two requests for the same contact, the second waits for the first's
     * transaction and then finds nothing left to do.
     */
    boolean claim(long id) {
        return jdbc.sql("UPDATE contact SET status = 'RECEIVED', failure = NULL WHERE id = ? AND status IN ('RECEIVED', 'FAILED')")
            .param(id)
            .update() == 1;
    }

    /** Contacts still in RECEIVED that came in before {@code before}: their node stopped before opening the case. */
    List<StoredContact> stuckSince(java.time.Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE status = 'RECEIVED' AND received_at < ? ORDER BY id LIMIT ?")
            .param(EngineClock.utc(before))
            .param(limit)
            .query(ContactRepository::map)
            .list();
    }

    void attachToCase(long id, String caseNumber, ContactStatus status, java.time.Instant promisedBy) {
        jdbc.sql("UPDATE contact SET case_number = ?, status = ?, promised_by = ? WHERE id = ?")
            .param(caseNumber)
            .param(status.name())
            .param(EngineClock.utc(promisedBy))
            .param(id)
            .update();
    }

    void markFailed(long id, String failure) {
        jdbc.sql("UPDATE contact SET status = 'FAILED', failure = ? WHERE id = ? AND status IN ('RECEIVED', 'FAILED')")
            .param(failure.length() <= 2000 ? failure : failure.substring(0, 2000))
            .param(id)
            .update();
    }

    /** Every contact of the customer, oldest first. */
    public List<StoredContact> ofCustomer(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE customer_id = ? ORDER BY id")
            .param(customerId)
            .query(ContactRepository::map)
            .list();
    }

    /**
     * What makes a contact personal: its subject and message go, and its external id (which a channel may build from
     * a phone number or an address) becomes {@code erased-<id>}, and its attachments are deleted. Channel, customer id, case number, times and status
     * stay. Only rows not erased yet are written, so running it twice, or on two nodes at once, changes nothing more.
     */
    private static final String ERASE = """
            UPDATE contact SET subject = NULL, message = '', external_id = CONCAT('erased-', CAST(id AS VARCHAR(20)))
            WHERE (subject IS NOT NULL OR message <> '' OR external_id <> CONCAT('erased-', CAST(id AS VARCHAR(20))))
              AND """;

    /** Erases the personal text of every contact of the customer; returns how many contacts changed. */
    public int eraseOfCustomer(String customerId) {
        attachments.eraseOfCustomer(customerId);
        return jdbc.sql(ERASE + " customer_id = ?").param(customerId).update();
    }

    /** Erases the personal text of the contacts of a case. */
    public int eraseOfCase(String caseNumber) {
        attachments.eraseOfCase(caseNumber);
        return jdbc.sql(ERASE + " case_number = ?").param(caseNumber).update();
    }

    /**
     * Erases the contacts received before the cutoff that never became part of a case (their case could not be
     * opened and nobody resent them), so they do not outlive the retention either.
     */
    public int eraseWithoutCaseBefore(java.time.Instant cutoff) {
        attachments.eraseWithoutCaseBefore(EngineClock.utc(cutoff));
        return jdbc.sql(ERASE + " case_number IS NULL AND received_at < ?").param(EngineClock.utc(cutoff)).update();
    }

    private static StoredContact map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
        OffsetDateTime promised = rs.getObject("promised_by", OffsetDateTime.class);
        return new StoredContact(rs.getLong("id"), rs.getString("channel"), rs.getString("external_id"),
                rs.getString("customer_id"), rs.getString("case_number"), rs.getString("requested_case_number"),
                rs.getString("subject"), rs.getString("message"), rs.getBoolean("public_post"), rs.getBoolean("new_topic"),
                received.toInstant(), promised == null ? null : promised.toInstant(),
                ContactStatus.valueOf(rs.getString("status")), rs.getString("failure"));
    }

}
