package io.nohold.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.nohold.system.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    private static final String COLUMNS = "id, name, email, phone, postal_code, country, tier, region_id, personal_rep_id, created_at";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = ?").param(id).query(CustomerRepository::map).optional();
    }

    Optional<Customer> findByEmail(String emailKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE email_key = ? ORDER BY created_at, id LIMIT 1")
            .param(emailKey)
            .query(CustomerRepository::map)
            .optional();
    }

    Optional<Customer> findByPhone(String phoneKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE phone_key = ? ORDER BY created_at, id LIMIT 1")
            .param(phoneKey)
            .query(CustomerRepository::map)
            .optional();
    }

    void lock(String id) {
        jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(id).query(String.class).optional();
    }

    public void insert(Customer customer) {
        jdbc.sql("""
                INSERT INTO customer (id, name, email, email_key, phone, phone_key, postal_code, country, tier,
                                      region_id, personal_rep_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .param(customer.id())
            .param(customer.name())
            .param(customer.email())
            .param(ContactKeys.email(customer.email()))
            .param(customer.phone())
            .param(ContactKeys.phone(customer.phone()))
            .param(customer.postalCode())
            .param(customer.country())
            .param(customer.tier().name())
            .param(customer.regionId())
            .param(customer.personalRepId())
            .param(EngineClock.utc(customer.createdAt()))
            .update();
    }

    /** Fills in what the customer record does not know yet; never overwrites. */
    void completeDetails(String id, CustomerDetails details) {
        jdbc.sql("""
                UPDATE customer SET
                  name = COALESCE(name, ?),
                  email = COALESCE(email, ?), email_key = COALESCE(email_key, ?),
                  phone = COALESCE(phone, ?), phone_key = COALESCE(phone_key, ?),
                  postal_code = COALESCE(postal_code, ?), country = COALESCE(country, ?)
                WHERE id = ?""")
            .param(blankToNull(details.name()))
            .param(blankToNull(details.email()))
            .param(ContactKeys.email(details.email()))
            .param(blankToNull(details.phone()))
            .param(ContactKeys.phone(details.phone()))
            .param(blankToNull(details.postalCode()))
            .param(details.country() == null ? null : details.country().toUpperCase(java.util.Locale.ROOT))
            .param(id)
            .update();
    }

    public void assignRegion(String customerId, String regionId) {
        jdbc.sql("UPDATE customer SET region_id = ? WHERE id = ? AND region_id IS NULL").param(regionId).param(customerId).update();
    }

    public void assignPersonalRep(String customerId, String repId) {
        jdbc.sql("UPDATE customer SET personal_rep_id = ? WHERE id = ? AND personal_rep_id IS NULL")
            .param(repId)
            .param(customerId)
            .update();
    }

    /** The rep of the region with the fewest customers, first in backup order on a tie. */
    Optional<String> repWithFewestCustomers(String regionId) {
        return jdbc.sql("""
                SELECT r.id FROM rep r LEFT JOIN customer c ON c.personal_rep_id = r.id
                WHERE r.region_id = ?
                GROUP BY r.id, r.backup_rank
                ORDER BY COUNT(c.id), r.backup_rank, r.id
                LIMIT 1""")
            .param(regionId)
            .query(String.class)
            .optional();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Customer(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("postal_code"), rs.getString("country"), Tier.valueOf(rs.getString("tier")),
                rs.getString("region_id"), rs.getString("personal_rep_id"), created == null ? null : created.toInstant());
    }

}
