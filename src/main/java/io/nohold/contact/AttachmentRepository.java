package io.nohold.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files kept with contacts (table contact_attachment); written only with their contact, by the intake. */
@Repository
public class AttachmentRepository {

    private static final String COLUMNS = "a.id, a.contact_id, a.name, a.content_type, a.size_bytes, a.refused";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long contactId, String name, String contentType, byte[] content) {
        jdbc.sql("INSERT INTO contact_attachment (contact_id, name, content_type, size_bytes, content) VALUES (?, ?, ?, ?, ?)")
            .param(contactId)
            .param(name)
            .param(contentType)
            .param((long) content.length)
            .param(content)
            .update();
    }

    void insertRefused(long contactId, RefusedAttachment refused) {
        jdbc.sql("INSERT INTO contact_attachment (contact_id, name, content_type, size_bytes, refused) VALUES (?, ?, ?, ?, ?)")
            .param(contactId)
            .param(clip(refused.name(), 255))
            .param(clip(refused.contentType(), 255))
            .param(refused.size())
            .param(clip(refused.reason(), 500))
            .update();
    }

    /** The attachments of every contact of the case, in the order they came. */
    public List<AttachmentInfo> ofCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_attachment a JOIN contact c ON c.id = a.contact_id "
                + "WHERE c.case_number = ? ORDER BY a.id")
            .param(caseNumber)
            .query(AttachmentRepository::map)
            .list();
    }

    /** The attachments of every contact of the customer, in the order they came. */
    public List<AttachmentInfo> ofCustomer(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_attachment a JOIN contact c ON c.id = a.contact_id "
                + "WHERE c.customer_id = ? ORDER BY a.id")
            .param(customerId)
            .query(AttachmentRepository::map)
            .list();
    }

    public record Content(AttachmentInfo info, byte[] bytes) {
    }

    /** A kept attachment of a contact of the case; empty for another case's, a refused or an unknown one. */
    public Optional<Content> content(String caseNumber, long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", a.content FROM contact_attachment a JOIN contact c ON c.id = a.contact_id "
                + "WHERE c.case_number = ? AND a.id = ? AND a.content IS NOT NULL")
            .param(caseNumber)
            .param(id)
            .query((rs, row) -> new Content(map(rs, row), rs.getBytes("content")))
            .optional();
    }

    private static final String ERASE = "DELETE FROM contact_attachment WHERE contact_id IN (SELECT id FROM contact WHERE ";

    int eraseOfCustomer(String customerId) {
        return jdbc.sql(ERASE + "customer_id = ?)").param(customerId).update();
    }

    int eraseOfCase(String caseNumber) {
        return jdbc.sql(ERASE + "case_number = ?)").param(caseNumber).update();
    }

    int eraseWithoutCaseBefore(java.time.OffsetDateTime cutoff) {
        return jdbc.sql(ERASE + "case_number IS NULL AND received_at < ?)").param(cutoff).update();
    }

    private static AttachmentInfo map(ResultSet rs, int row) throws SQLException {
        return new AttachmentInfo(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("refused"));
    }

    private static String clip(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

}
