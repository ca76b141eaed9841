package io.nohold.testsupport;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** A standalone DMN engine for decision table tests, with the settings the application's engine uses. */
public final class DmnEngines {

    private DmnEngines() {
    }

    /** Java FEEL for the tables, as {@code dmn-feel-enable-legacy-behavior: true} in application.yaml. */
    public static DmnEngine likeTheApplication() {
        return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
            .enableFeelLegacyBehavior(true)
            .buildEngine();
    }

}
