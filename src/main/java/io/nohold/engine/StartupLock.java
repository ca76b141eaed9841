package io.nohold.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes on one PostgreSQL database start one after the other: from just before the engine is built (which creates
 * the engine's tables on an empty database) until the application is ready (the process models are deployed, the
 * demo data, directory, Tasklist filters and authorizations are set up). These steps check what exists and then
 * create or update it, which two nodes doing it at the same moment would trip over (duplicate tables, optimistic
 * locking failures on filters). A session-level PostgreSQL advisory lock on a connection of its own does it; if the
 * node dies while starting, PostgreSQL drops the lock with the connection. On H2 (one process) it does nothing.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

    /** Arbitrary, fixed: the advisory lock key of NoHold's startup ("NOHOLD" in ASCII). */
    static final long KEY = 0x4E4F484F4C44L;

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private Connection connection;

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        DataSource dataSource = configuration.getDataSource();
        try {
            Connection candidate = dataSource.getConnection();
            if (!candidate.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                candidate.close();
                return;
            }
            candidate.setAutoCommit(true);
            if (!tryLock(candidate)) {
                log.info("another node is starting on this database; waiting for it to finish (startup lock)");
                try (PreparedStatement statement = candidate.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    statement.setLong(1, KEY);
                    statement.execute();
                }
            }
            connection = candidate;
            log.info("startup lock taken");
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot take the startup lock", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @EventListener({ ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class })
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        try (Connection held = connection; PreparedStatement statement = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
            log.info("startup lock released");
        }
        catch (SQLException e) {
            log.warn("could not release the startup lock; it goes with the connection: {}", e.getMessage());
        }
        finally {
            connection = null;
        }
    }

}
