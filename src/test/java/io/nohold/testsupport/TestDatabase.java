package io.nohold.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Which database the tests run on: in-memory H2 (default) or PostgreSQL with {@code -Dnohold.test.database=postgres}
 * (the {@code postgres} execution of maven-surefire-plugin). On PostgreSQL every run gets a fresh database, created
 * through the maintenance database {@code test} and dropped when the JVM exits.
 * <p>
 * Where PostgreSQL is: {@code -Dnohold.test.postgres.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}),
 * {@code -Dnohold.test.postgres.user} (default {@code postgres}), {@code -Dnohold.test.postgres.password} (default
 * empty), {@code -Dnohold.test.postgres.maintenance-db} (default {@code test}).
 */
public final class TestDatabase {

    public static final String PROPERTY = "nohold.test.database";

    private static final String SERVER = System.getProperty("nohold.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");

    private static final String USER = System.getProperty("nohold.test.postgres.user", "postgres");

    private static final String PASSWORD = System.getProperty("nohold.test.postgres.password", "");

    private static final String MAINTENANCE_DB = System.getProperty("nohold.test.postgres.maintenance-db", "test");

    public static final String HOW_TO_START = "start PostgreSQL with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`"
            + " (install it with `apt-get install postgresql`), or point -Dnohold.test.postgres.url/-user/-password at one";

    private static String suiteDatabase;

    private static final List<ConfigurableApplicationContext> SUITE_CONTEXTS = new CopyOnWriteArrayList<>();

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
    }

    /** "postgres" or "h2", for report names. */
    public static String name() {
        return postgres() ? "postgres" : "h2";
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    public static String url(String database) {
        return SERVER + database;
    }

    /** Why PostgreSQL cannot be used, or null when it can. */
    public static synchronized String unreachable() {
        try (Connection connection = connect(MAINTENANCE_DB)) {
            return null;
        }
        catch (SQLException e) {
            return "PostgreSQL is not reachable at " + url(MAINTENANCE_DB) + " as " + USER + ": " + e.getMessage();
        }
    }

    /**
     * The database of this test run, created on first use, and dropped at JVM exit once the application contexts on
     * it are closed (Spring closes them in its own shutdown hook, which runs at the same time as ours).
     */
    public static synchronized String suiteDatabase(ConfigurableApplicationContext context) {
        SUITE_CONTEXTS.add(context);
        if (suiteDatabase == null) {
            suiteDatabase = create("nohold_test", () -> {
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (SUITE_CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < until) {
                    try {
                        Thread.sleep(100);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        return suiteDatabase;
    }

    /** A fresh, empty database {@code <prefix>_<timestamp>_<random>}, dropped when the JVM exits. */
    public static String create(String prefix) {
        return create(prefix, () -> {
        });
    }

    private static String create(String prefix, Runnable beforeDrop) {
        String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            beforeDrop.run();
            drop(name);
        }, "drop-" + name));
        return name;
    }

    public static void drop(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        catch (RuntimeException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void execute(String sql) {
        try (Connection connection = connect(MAINTENANCE_DB); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    public static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url(database), properties);
    }

}
