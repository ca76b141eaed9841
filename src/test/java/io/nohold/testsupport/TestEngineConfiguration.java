package io.nohold.testsupport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only engine plugins: process coverage. The benchmark starts the application from the test classpath and
 * switches it off ({@code nohold.test.process-coverage=false}) so that it measures the application alone.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nohold.test.process-coverage", havingValue = "true", matchIfMissing = true)
public class TestEngineConfiguration {

    @Bean
    ProcessCoverage processCoverage() {
        return new ProcessCoverage();
    }

}
