package io.nohold.engine;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * With the postgres profile, the connection must be given (SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD, or the same
 * as spring.datasource.* arguments): a missing one stops the start here with one clear message, before anything
 * tries to connect.
 */
public class PostgresSettingsCheck implements EnvironmentPostProcessor {

    static final List<String> REQUIRED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED) {
            try {
                if (environment.getProperty(key) == null) {
                    missing.add(key);
                }
            }
            catch (IllegalArgumentException unresolved) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the postgres profile needs " + String.join(", ", missing.stream()
                .map(key -> key.toUpperCase().replace('.', '_'))
                .toList()) + " (e.g. SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/nohold"
                    + " SPRING_DATASOURCE_USERNAME=nohold SPRING_DATASOURCE_PASSWORD=...; an empty password must be set"
                    + " explicitly); see docs/operations.md");
        }
    }

}
