package io.nohold.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the Tasklist's task queries fast on PostgreSQL when reps hold thousands of tasks.
 * <p>
 * With authorizations on, every task query left-joins the caller's authorizations
 * {@code ON AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, and every task a rep holds has its own authorization row.
 * PostgreSQL cannot hash that join, so it either probes the authorizations by resource id once per task (milliseconds)
 * or compares every task with every authorization row of the rep (seconds, growing with the square of the tasks).
 * It picks the second when it underestimates the rows: it cannot estimate {@code PERMS_ & 2 = 2} and guesses 0.5 %.
 * Two things fix the estimate and make the probe cheap:
 * <ul>
 * <li>statistics on the permission bits the task queries test (READ = 2 on tasks, READ_TASK = 64 on process
 * definitions), PostgreSQL 14 and later;</li>
 * <li>a partial index on the resource id of task and process-definition authorizations only, so that the probes for
 * {@code '*'} and the process key do not read every application, user, group and filter grant.</li>
 * </ul>
 * Together with {@code random_page_cost = 1.1} (application-postgres.yaml) the planner probes; measured in
 * docs/performance.md. Created after the engine is built, like {@link JobAcquisitionIndex}; H2 plans differently and
 * needs neither.
 */
@Component
public class TaskAuthorizationIndex extends AbstractProcessEnginePlugin {

    public static final String INDEX_NAME = "NOHOLD_IX_AUTH_TASK_RESOURCE";

    /** Resource types 6 (process definition) and 7 (task), the two a task query checks. */
    static final List<String> STATEMENTS = List.of(
            "CREATE INDEX IF NOT EXISTS " + INDEX_NAME + " ON ACT_RU_AUTHORIZATION (RESOURCE_ID_)"
                    + " WHERE RESOURCE_TYPE_ IN (6, 7)",
            "CREATE STATISTICS IF NOT EXISTS NOHOLD_ST_AUTH_READ ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION",
            "CREATE STATISTICS IF NOT EXISTS NOHOLD_ST_AUTH_READ_TASK ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION");

    private static final Logger log = LoggerFactory.getLogger(TaskAuthorizationIndex.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // the database type is known once the engine has looked at the connection
        String prefix = configuration.getDatabaseTablePrefix();
        if (!"postgres".equals(configuration.getDatabaseType()) || (prefix != null && !prefix.isEmpty())) {
            return;
        }
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
                log.warn("PostgreSQL {} cannot keep statistics on expressions (14 or later can): task queries of reps"
                        + " holding thousands of tasks may be slow", connection.getMetaData().getDatabaseProductVersion());
                statement.execute(STATEMENTS.get(0));
            }
            else {
                for (String sql : STATEMENTS) {
                    statement.execute(sql);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("task authorization index {} and statistics are in place", INDEX_NAME);
        }
        catch (SQLException e) {
            log.warn("could not create the task authorization index {} (another node may be creating it): {}",
                    INDEX_NAME, e.getMessage());
        }
    }

}
