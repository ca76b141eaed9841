package io.nohold.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import io.nohold.engine.EngineClock;
import io.nohold.engine.TransactionCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer table with the customers' channel handles, and the customer count of each rep that goes with it. The
 * database holds at most one customer per e-mail key, per phone key and per channel and handle key (unique
 * constraints); a statement that would break that fails with a
 * {@link org.springframework.dao.DuplicateKeyException}.
 * <p>
 * This class is the customer row's only writer: a customer read by id is kept until the transaction ends
 * ({@link TransactionCache}; a contact's intake, its promise and its notifications ask for the same customer several
 * times), and every write here, and locking the row, forgets it. So within one transaction a customer reads the same
 * until it is written or locked: what must see another transaction's change locks first ({@link #lock}). Neither a
 * savepoint rolled back nor an inner {@code REQUIRES_NEW} transaction's write clears what the outer one read: inside
 * a savepoint, read a customer only before writing it.
 */
@Repository
public class CustomerRepository {

    private static final String COLUMNS = "id, name, email, phone, postal_code, country, tier, region_id, personal_rep_id, created_at, language";

    private final JdbcClient jdbc;

    private final String nextIdSql;

    private final TransactionCache<String, Customer> read = new TransactionCache<>();

    CustomerRepository(JdbcClient jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        this.nextIdSql = product.toLowerCase(Locale.ROOT).contains("postgres") ? "SELECT nextval('customer_id_seq')"
                : "SELECT NEXT VALUE FOR customer_id_seq";
    }

    public Optional<Customer> findById(String id) {
        return read.get(id, this::load);
    }

    private Optional<Customer> load(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = ?").param(id).query(CustomerRepository::map).optional();
    }

    Optional<Customer> findByEmail(String emailKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE email_key = ?")
            .param(emailKey)
            .query(CustomerRepository::map)
            .optional();
    }

    Optional<Customer> findByPhone(String phoneKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE phone_key = ?")
            .param(phoneKey)
            .query(CustomerRepository::map)
            .optional();
    }

    Optional<Customer> findByHandle(String channel, String handleKey) {
        return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "c.$1")
                + " FROM customer c JOIN customer_handle h ON h.customer_id = c.id WHERE h.channel = ? AND h.handle_key = ?")
            .param(channel)
            .param(handleKey)
            .query(CustomerRepository::map)
            .optional();
    }

    /** The customer's handles, by channel. */
    public List<ChannelHandle> handlesOf(String customerId) {
        return jdbc.sql("SELECT channel, handle FROM customer_handle WHERE customer_id = ? ORDER BY channel")
            .param(customerId)
            .query((rs, n) -> new ChannelHandle(rs.getString("channel"), rs.getString("handle")))
            .list();
    }

    /**
     * Gives the customer this handle if they have none on its channel and no other customer holds its key. As with
     * {@link #completeEmail}, two such calls at the same moment may both pass the check: the second then fails on a
     * unique constraint. False when nothing was added.
     */
    @Transactional
    boolean addHandle(String customerId, ChannelHandle handle) {
        String key = handle.key();
        if (key == null) {
            return false;
        }
        return jdbc.sql("""
                INSERT INTO customer_handle (customer_id, channel, handle, handle_key, created_at)
                SELECT ?, ?, ?, ?, ? FROM customer
                WHERE id = ?
                  AND NOT EXISTS (SELECT 1 FROM customer_handle mine WHERE mine.customer_id = ? AND mine.channel = ?)
                  AND NOT EXISTS (SELECT 1 FROM customer_handle other WHERE other.channel = ? AND other.handle_key = ?)""")
            .param(customerId)
            .param(handle.channel())
            .param(handle.handle().trim())
            .param(key)
            .param(EngineClock.utc(EngineClock.now()))
            .param(customerId)
            .param(customerId)
            .param(handle.channel())
            .param(handle.channel())
            .param(key)
            .update() == 1;
    }

    /** Whether a customer already holds the key of this e-mail address or of this phone number. */
    public boolean keyTaken(String email, String phone) {
        String emailKey = ContactKeys.email(email);
        String phoneKey = ContactKeys.phone(phone);
        return emailKey != null && findByEmail(emailKey).isPresent() || phoneKey != null && findByPhone(phoneKey).isPresent();
    }

    /** A new customer id from the database sequence: {@code CU-000001}, {@code CU-000002}, ... */
    String nextId() {
        long next = jdbc.sql(nextIdSql).query(Long.class).single();
        return String.format("CU-%06d", next);
    }

    /**
     * Inserts the customer; a customer inserted with a personal rep already counts for that rep, in the same
     * transaction.
     */
    @Transactional
    public void insert(Customer customer) {
        read.forget(customer.id());
        jdbc.sql("""
                INSERT INTO customer (id, name, email, email_key, phone, phone_key, postal_code, country, tier,
                                      region_id, personal_rep_id, created_at, language)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
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
            .param(Language.parse(customer.language()).map(Language::code).orElse(null))
            .update();
        if (customer.personalRepId() != null) {
            countCustomerOf(customer.personalRepId());
        }
    }

    /** Fills in the name, postal code, country and language where the customer record has none yet; never overwrites. */
    void completeDetails(String id, CustomerDetails details) {
        read.forget(id);
        jdbc.sql("""
                UPDATE customer SET
                  name = COALESCE(name, ?), postal_code = COALESCE(postal_code, ?), country = COALESCE(country, ?),
                  language = COALESCE(language, ?)
                WHERE id = ?""")
            .param(blankToNull(details.name()))
            .param(blankToNull(details.postalCode()))
            .param(details.country() == null || details.country().isBlank() ? null
                    : details.country().trim().toUpperCase(Locale.ROOT))
            .param(Language.parse(details.language()).map(Language::code).orElse(null))
            .param(id)
            .update();
    }

    /**
     * Gives the customer this e-mail address if they have none and no other customer holds its key. Two such calls
     * for two customers at the same moment may both pass the check: the second then fails on the unique constraint.
     */
    void completeEmail(String id, String email) {
        String key = ContactKeys.email(email);
        if (key == null) {
            return;
        }
        read.forget(id);
        jdbc.sql("""
                UPDATE customer SET email = ?, email_key = ?
                WHERE id = ? AND email IS NULL AND email_key IS NULL
                  AND NOT EXISTS (SELECT 1 FROM customer other WHERE other.email_key = ?)""")
            .param(email.trim())
            .param(key)
            .param(id)
            .param(key)
            .update();
    }

    /** As {@link #completeEmail}, for the phone number. */
    void completePhone(String id, String phone) {
        String key = ContactKeys.phone(phone);
        if (key == null) {
            return;
        }
        read.forget(id);
        jdbc.sql("""
                UPDATE customer SET phone = ?, phone_key = ?
                WHERE id = ? AND phone IS NULL AND phone_key IS NULL
                  AND NOT EXISTS (SELECT 1 FROM customer other WHERE other.phone_key = ?)""")
            .param(phone.trim())
            .param(key)
            .param(id)
            .param(key)
            .update();
    }

    /**
     * Locks the customer's row until the surrounding transaction ends; a second caller waits. Without a transaction
     * the lock ends with the statement. What this transaction read of the customer before is read again after it.
     */
    boolean lock(String customerId) {
        read.forget(customerId);
        return jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(customerId).query(String.class).optional().isPresent();
    }

    public void assignRegion(String customerId, String regionId) {
        read.forget(customerId);
        jdbc.sql("UPDATE customer SET region_id = ? WHERE id = ? AND region_id IS NULL").param(regionId).param(customerId).update();
    }

    /**
     * Makes the rep the customer's personal rep if the customer has none yet, and counts the customer for the rep in
     * the same transaction. Exactly once: a customer who has a rep already is left alone and counts nowhere again.
     */
    @Transactional
    public void assignPersonalRep(String customerId, String repId) {
        read.forget(customerId);
        int assigned = jdbc.sql("UPDATE customer SET personal_rep_id = ? WHERE id = ? AND personal_rep_id IS NULL")
            .param(repId)
            .param(customerId)
            .update();
        if (assigned == 1) {
            countCustomerOf(repId);
        }
    }

    /**
     * Moves the customer to the region with this personal rep (or none), and moves their count from the rep they had
     * to the new one, in the caller's transaction.
     */
    void place(String customerId, String regionId, String personalRepId, String previousRepId) {
        read.forget(customerId);
        jdbc.sql("UPDATE customer SET region_id = ?, personal_rep_id = ? WHERE id = ?")
            .param(regionId)
            .param(personalRepId)
            .param(customerId)
            .update();
        if (previousRepId != null) {
            jdbc.sql("UPDATE rep SET customer_count = customer_count - 1 WHERE id = ? AND customer_count > 0")
                .param(previousRepId)
                .update();
        }
        if (personalRepId != null) {
            countCustomerOf(personalRepId);
        }
    }

    /**
     * Of these reps (the region's reps who may hold contacts), the one with the fewest customers, first in backup order
     * on a tie. Reads those few rep rows by id, whatever the number of customers.
     */
    Optional<String> repWithFewestCustomers(java.util.Collection<String> eligibleRepIds) {
        if (eligibleRepIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM rep WHERE id IN (:ids) ORDER BY customer_count, backup_rank, id LIMIT 1")
            .param("ids", eligibleRepIds)
            .query(String.class)
            .optional();
    }

    private void countCustomerOf(String repId) {
        jdbc.sql("UPDATE rep SET customer_count = customer_count + 1 WHERE id = ?").param(repId).update();
    }

    /** The keys the customer is found by: the normalised e-mail address and phone number. */
    public record Keys(String emailKey, String phoneKey) {
    }

    public Optional<Keys> keysOf(String id) {
        return jdbc.sql("SELECT email_key, phone_key FROM customer WHERE id = ?")
            .param(id)
            .query((rs, n) -> new Keys(rs.getString("email_key"), rs.getString("phone_key")))
            .optional();
    }

    /** When the customer's personal data was erased; empty while it is kept or for an unknown customer. */
    public Optional<Instant> erasedAt(String id) {
        return jdbc.sql("SELECT erased_at FROM customer WHERE id = ?")
            .param(id)
            .query((rs, n) -> Optional.ofNullable(rs.getObject("erased_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant))
            .optional()
            .flatMap(erased -> erased);
    }

    /**
     * Leaves the customer as an anonymous placeholder: name, e-mail address, phone number, channel handles, their keys
     * and the postal code go; id, tier, country, region, personal rep and creation time stay, so that case numbers still resolve,
     * statistics by region still count them and a later contact with the same address is a new customer. The first
     * erasure's time is kept; repeating it changes nothing more.
     */
    public void anonymise(String id, Instant at) {
        read.forget(id);
        jdbc.sql("DELETE FROM customer_handle WHERE customer_id = ?").param(id).update();
        // an administrator's reason for moving the customer may describe them
        jdbc.sql("UPDATE customer_event SET detail = NULL WHERE customer_id = ?").param(id).update();
        jdbc.sql("""
                UPDATE customer SET name = NULL, email = NULL, email_key = NULL, phone = NULL, phone_key = NULL,
                  postal_code = NULL, erased_at = COALESCE(erased_at, ?)
                WHERE id = ?""")
            .param(EngineClock.utc(at))
            .param(id)
            .update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Customer(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("postal_code"), rs.getString("country"), Tier.valueOf(rs.getString("tier")),
                rs.getString("region_id"), rs.getString("personal_rep_id"), created == null ? null : created.toInstant(),
                rs.getString("language"));
    }

}
