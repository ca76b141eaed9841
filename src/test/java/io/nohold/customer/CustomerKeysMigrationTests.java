package io.nohold.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.nohold.testsupport.DatabaseAvailable;
import io.nohold.testsupport.NoHoldTest;
import io.nohold.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V2 on a database that already holds several customers per e-mail key and per phone key: the oldest
 * customer keeps each key, the constraints are in place afterwards, and each rep's customer count is filled in. Runs
 * on an empty in-memory H2 database, or on a fresh PostgreSQL database in the PostgreSQL run; no application.
 */
@Tag(NoHoldTest.TAG)
@ExtendWith(DatabaseAvailable.class)
class CustomerKeysMigrationTests {

    static final OffsetDateTime T0 = OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    DriverManagerDataSource dataSource;

    String postgresDatabase;

    @BeforeEach
    void emptyDatabase() {
        if (TestDatabase.postgres()) {
            postgresDatabase = TestDatabase.create("nohold_migration");
            dataSource = new DriverManagerDataSource(TestDatabase.url(postgresDatabase), TestDatabase.user(),
                    TestDatabase.password());
        }
        else {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        migrateTo("1");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (postgresDatabase != null) {
            TestDatabase.drop(postgresDatabase);
        }
        else {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void oldestCustomerKeepsEachKeyAndLaterDuplicatesLoseIt() throws SQLException {
        // M-1 and M-2 at the same moment: the lower id counts as older
        customer("M-2", "Dup@Example.com", "dup@example.com", "+49 40 1", "+49401", T0, "rep-a");
        customer("M-1", "dup@example.com", "dup@example.com", null, null, T0, "rep-a");
        customer("M-3", "DUP@example.com", "dup@example.com", null, null, T0.plusHours(1), "rep-a");
        customer("M-4", null, null, "0049 40 1", "+49401", T0.minusHours(1), "rep-b");
        customer("M-5", null, null, "+49401", "+49401", T0.plusHours(2), null);
        customer("M-6", null, null, null, null, T0, null);
        customer("M-7", null, null, null, null, T0, null);

        migrateTo("2");

        assertThat(column("email_key")).containsExactly(entry("M-1", "dup@example.com"), entry("M-2", null),
                entry("M-3", null), entry("M-4", null), entry("M-5", null), entry("M-6", null), entry("M-7", null));
        assertThat(column("phone_key")).containsExactly(entry("M-1", null), entry("M-2", null), entry("M-3", null),
                entry("M-4", "+49401"), entry("M-5", null), entry("M-6", null), entry("M-7", null));
        // what the customers wrote stays
        assertThat(column("email").get("M-3")).isEqualTo("DUP@example.com");
        assertThat(column("phone").get("M-5")).isEqualTo("+49401");
    }

    @Test
    void keysAreUniqueAfterwardsAndMissingKeysAreNot() throws SQLException {
        customer("M-1", "one@example.com", "one@example.com", "+49401", "+49401", T0, null);
        migrateTo("2");

        assertThatThrownBy(() -> customer("M-2", null, "one@example.com", null, null, T0, null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> customer("M-3", null, null, null, "+49401", T0, null)).isInstanceOf(SQLException.class);
        customer("M-4", null, null, null, null, T0, null);
        customer("M-5", null, null, null, null, T0, null);
        assertThat(column("id")).containsOnlyKeys("M-1", "M-4", "M-5");
    }

    @Test
    void repCountsAreFilledFromTheExistingCustomers() throws SQLException {
        customer("M-1", null, null, null, null, T0, "rep-a");
        customer("M-2", null, null, null, null, T0, "rep-a");
        customer("M-3", null, null, null, null, T0, "rep-b");
        customer("M-4", null, null, null, null, T0, null);

        migrateTo("2");

        Map<String, String> counts = query("SELECT id, customer_count FROM rep ORDER BY id");
        assertThat(counts).containsExactly(entry("rep-a", "2"), entry("rep-b", "1"), entry("rep-c", "0"));
    }

    private void migrateTo(String version) {
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .table("nohold_schema_history")
            .target(version)
            .load()
            .migrate();
        if ("1".equals(version)) {
            execute("INSERT INTO region (id, name) VALUES ('r', 'Region')");
            for (String rep : new String[] { "rep-a", "rep-b", "rep-c" }) {
                execute("INSERT INTO rep (id, name, region_id, backup_rank, status) VALUES ('" + rep + "', 'Rep', 'r', 1, 'AVAILABLE')");
            }
        }
    }

    private void customer(String id, String email, String emailKey, String phone, String phoneKey, OffsetDateTime createdAt,
            String rep) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO customer (id, email, email_key, phone, phone_key, tier, personal_rep_id, created_at)
                        VALUES (?, ?, ?, ?, ?, 'STANDARD', ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, email);
            insert.setString(3, emailKey);
            insert.setString(4, phone);
            insert.setString(5, phoneKey);
            insert.setString(6, rep);
            insert.setObject(7, createdAt);
            insert.executeUpdate();
        }
    }

    private Map<String, String> column(String column) throws SQLException {
        return query("SELECT id, " + column + " FROM customer ORDER BY id");
    }

    private Map<String, String> query(String sql) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new AbstractMap.SimpleEntry<>(key, value);
    }

}
