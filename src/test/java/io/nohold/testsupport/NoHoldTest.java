package io.nohold.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with the demo data, the job executor off: on an in-memory H2 database, or,
 * with {@code -Dnohold.test.database=postgres}, on a fresh PostgreSQL database (see {@link TestDatabase}). Every test
 * class uses this same setup, so they share one application context, and starts on the same working morning
 * ({@link WorkingDayClock}). Tagged {@value #TAG}: the PostgreSQL run of
 * {@code mvn verify} runs exactly these classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(NoHoldTest.TAG)
@ExtendWith({ DatabaseAvailable.class, WorkingDayClock.class })
// metrics are exported as in production, so /actuator/prometheus exists
@AutoConfigureObservability(tracing = false)
// the support mailbox is read by the tests that start their own mail server (MailboxTests)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nohold.mailbox.enabled=false")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles({ "test", "demo" })
@Import(TestEngineConfiguration.class)
public @interface NoHoldTest {

    String TAG = "app";

}
