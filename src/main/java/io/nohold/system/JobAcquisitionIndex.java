package io.nohold.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index for the job executor's acquisition query when many timers fall due at once (after an outage, or a
 * morning when every promise of the night breaks): acquisition filters on due date and orders by job type (timers
 * first) and due date. Camunda's own schema has no such index.
 * <p>
 * It is created here, after the engine is built, and not by a Flyway migration: on an empty database Flyway may run
 * before the engine creates ACT_RU_JOB, and the migrations must work on H2 and PostgreSQL in either order.
 * {@code CREATE INDEX IF NOT EXISTS} is idempotent on both; two nodes starting at once may race on it, which only
 * logs a warning (the other node created it).
 * <p>
 * On PostgreSQL a second, partial index holds only the locked jobs. The acquisition query skips jobs whose process
 * instance has an exclusive job in progress ({@code NOT EXISTS (... J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_
 * >= now)}); PostgreSQL answers that by scanning the whole job table once per acquisition, 4 ms with 8,000 timers and
 * growing with every open case. With the partial index it reads the few locked jobs instead (0.2 ms, any size).
 */
@Component
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    public static final String INDEX_NAME = "NOHOLD_IX_JOB_ACQUISITION";

    public static final String LOCKED_INDEX_NAME = "NOHOLD_IX_JOB_LOCKED";

    static final String SQL = "CREATE INDEX IF NOT EXISTS " + INDEX_NAME + " ON ACT_RU_JOB (TYPE_ DESC, DUEDATE_)";

    static final String LOCKED_SQL = "CREATE INDEX IF NOT EXISTS " + LOCKED_INDEX_NAME
            + " ON ACT_RU_JOB (LOCK_EXP_TIME_) WHERE LOCK_OWNER_ IS NOT NULL";

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private ProcessEngineConfigurationImpl configuration;

    private DataSource dataSource;

    private String tablePrefix = "";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        dataSource = configuration.getDataSource();
        tablePrefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!tablePrefix.isEmpty()) {
            log.warn("engine tables use the prefix {}; the job acquisition index is not created", tablePrefix);
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(SQL);
            if ("postgres".equals(configuration.getDatabaseType())) {
                statement.execute(LOCKED_SQL);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("job acquisition index {} is in place", INDEX_NAME);
        }
        catch (SQLException e) {
            log.warn("could not create the job acquisition index {} (another node may be creating it): {}", INDEX_NAME,
                    e.getMessage());
        }
    }

}
