package io.nohold.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes and statistics on Camunda's tables that keep job acquisition and the Tasklist's task queries fast with many
 * open cases (figures in docs/performance.md, settings in docs/operations.md):
 * <ul>
 * <li>{@value #JOB_ACQUISITION} (every database): acquisition filters on due date and orders by job type (timers
 * first) and due date; Camunda's schema has no index for it.</li>
 * <li>{@value #JOB_LOCKED} (PostgreSQL): the locked jobs only. Acquisition skips jobs whose process instance has an
 * exclusive job in progress; PostgreSQL answers that by reading the whole job table once per round (4 ms with 8,000
 * timers, growing with every open case) unless it can read just the few locked ones (0.2 ms at any size).</li>
 * <li>{@value #AUTH_TASK_RESOURCE} and statistics on the permission bits (PostgreSQL; statistics on expressions need
 * 14 or later): every task query joins the caller's authorizations {@code ON AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_,
 * '*')}, one row per task a rep holds. PostgreSQL cannot hash that join; unless it can estimate {@code PERMS_ & 2 = 2}
 * and probe task and process-definition grants by resource id, it compares every task with every authorization row
 * of the rep (seconds instead of milliseconds). {@code random_page_cost} and custom plans in application-postgres.yaml
 * belong to the same fix.</li>
 * </ul>
 * Created after the engine is built and not by a Flyway migration: on an empty database Flyway may run before the
 * engine creates its tables. Every statement is idempotent; a failure (two nodes starting at once may race) only logs
 * a warning, so that the node still starts, and {@code DatabaseTuningTests} checks that they are in place.
 */
@Component
public class DatabaseIndexes extends AbstractProcessEnginePlugin {

    public static final String JOB_ACQUISITION = "NOHOLD_IX_JOB_ACQUISITION";

    public static final String JOB_LOCKED = "NOHOLD_IX_JOB_LOCKED";

    public static final String AUTH_TASK_RESOURCE = "NOHOLD_IX_AUTH_TASK_RESOURCE";

    static final String EVERY_DATABASE = "CREATE INDEX IF NOT EXISTS " + JOB_ACQUISITION + " ON ACT_RU_JOB (TYPE_ DESC, DUEDATE_)";

    /** Resource types 6 (process definition) and 7 (task) are the two a task query checks. */
    static final List<String> POSTGRES = List.of(
            "CREATE INDEX IF NOT EXISTS " + JOB_LOCKED + " ON ACT_RU_JOB (LOCK_EXP_TIME_) WHERE LOCK_OWNER_ IS NOT NULL",
            "CREATE INDEX IF NOT EXISTS " + AUTH_TASK_RESOURCE + " ON ACT_RU_AUTHORIZATION (RESOURCE_ID_)"
                    + " WHERE RESOURCE_TYPE_ IN (6, 7)");

    /** READ = 2 on tasks, READ_TASK = 64 on process definitions. */
    static final List<String> POSTGRES_14 = List.of(
            "CREATE STATISTICS IF NOT EXISTS NOHOLD_ST_AUTH_READ ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION",
            "CREATE STATISTICS IF NOT EXISTS NOHOLD_ST_AUTH_READ_TASK ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION");

    private static final Logger log = LoggerFactory.getLogger(DatabaseIndexes.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String prefix = configuration.getDatabaseTablePrefix();
        if (prefix != null && !prefix.isEmpty()) {
            log.warn("engine tables use the prefix {}; NoHold's indexes on them are not created", prefix);
            return;
        }
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements(connection)) {
                try {
                    statement.execute(sql);
                }
                catch (SQLException e) {
                    log.warn("could not run {} (another node may be doing it): {}", sql, e.getMessage());
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        catch (SQLException e) {
            log.warn("could not create NoHold's indexes: {}", e.getMessage());
        }
    }

    /** The database type is known only once the engine has looked at the connection. */
    private List<String> statements(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>(List.of(EVERY_DATABASE));
        if ("postgres".equals(configuration.getDatabaseType())) {
            statements.addAll(POSTGRES);
            if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
                statements.addAll(POSTGRES_14);
            }
            else {
                log.warn("PostgreSQL {} cannot keep statistics on expressions (14 or later can): task queries of reps"
                        + " holding thousands of tasks may be slow", connection.getMetaData().getDatabaseProductVersion());
            }
        }
        return statements;
    }

}
