package io.nohold.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Test-only engine plugins: process coverage. */
@TestConfiguration(proxyBeanMethods = false)
public class TestEngineConfiguration {

    @Bean
    ProcessCoverage processCoverage() {
        return new ProcessCoverage();
    }

}
