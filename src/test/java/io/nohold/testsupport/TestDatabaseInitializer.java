package io.nohold.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at this run's PostgreSQL database when the tests run on PostgreSQL; H2 otherwise. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!TestDatabase.postgres()) {
            return;
        }
        String database = TestDatabase.suiteDatabase(context);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("nohold-test-postgres", Map.of(
                "spring.datasource.url", TestDatabase.url(database),
                "spring.datasource.username", TestDatabase.user(),
                "spring.datasource.password", TestDatabase.password(),
                "spring.datasource.driver-class-name", "org.postgresql.Driver",
                "camunda.bpm.database.type", "postgres")));
    }

}
