package io.nohold.engineapi;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link EngineDoorFilter} in front of both engine APIs and the webapps' admin API, after Camunda's HTTP Basic
 * filter of /engine-rest (order {@code HIGHEST_PRECEDENCE + 20}), which signs the caller in to the engine. The
 * webapps' session is read directly, so the order relative to the webapps' own filters does not matter.
 */
@Configuration(proxyBeanMethods = false)
class EngineDoorsConfiguration {

    static final String ENGINE_REST = "/engine-rest";

    @Bean
    FilterRegistrationBean<EngineDoorFilter> engineDoors(ProcessEngine engine,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        String webappApi = applicationPath + "/api";
        FilterRegistrationBean<EngineDoorFilter> registration = new FilterRegistrationBean<>(
                new EngineDoorFilter(engine, ENGINE_REST, webappApi));
        registration.addUrlPatterns(ENGINE_REST + "/*", webappApi + "/engine/*", webappApi + "/admin/*", webappApi + "/cockpit/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

}
