package io.nohold.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The {@link IdentityGuard} in front of both doors to the engine's identity API, after the engine REST authentication. */
@Configuration(proxyBeanMethods = false)
class IdentityGuardConfiguration {

    @Bean
    FilterRegistrationBean<IdentityGuard> identityGuard(IdentityService identity, RegionDirectory directory, ObjectMapper json) {
        FilterRegistrationBean<IdentityGuard> registration = new FilterRegistrationBean<>(new IdentityGuard(identity, directory, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
        return registration;
    }

}
