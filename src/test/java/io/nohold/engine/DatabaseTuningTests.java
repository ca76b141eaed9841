package io.nohold.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indexes and statistics that keep job acquisition and the Tasklist's queries fast with many open cases
 * (docs/performance.md) are in place after start. Their creation only logs a warning when it fails, so that a node
 * still starts; this is where a failure shows.
 */
@NoHoldTest
class DatabaseTuningTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void jobAcquisitionIndexIsInPlace() throws SQLException {
        assertThat(indexesOf("ACT_RU_JOB")).contains(DatabaseIndexes.JOB_ACQUISITION);
    }

    @Test
    void onPostgresLockedJobsAndTaskAuthorizationsAreIndexedAndPermissionBitsHaveStatistics() throws SQLException {
        assumeTrue(isPostgres(), "PostgreSQL only: H2 has no partial indexes and plans these queries well without");
        assertThat(indexesOf("ACT_RU_JOB")).contains(DatabaseIndexes.JOB_LOCKED);
        assertThat(indexesOf("ACT_RU_AUTHORIZATION")).contains(DatabaseIndexes.AUTH_TASK_RESOURCE);
        assumeTrue(majorVersion() >= 14, "statistics on expressions need PostgreSQL 14 or later");
        assertThat(jdbc.sql("SELECT upper(stxname) FROM pg_statistic_ext").query(String.class).list())
            .contains("NOHOLD_ST_AUTH_READ", "NOHOLD_ST_AUTH_READ_TASK");
    }

    private boolean isPostgres() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    private int majorVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseMajorVersion();
        }
    }

    private List<String> indexesOf(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

}
