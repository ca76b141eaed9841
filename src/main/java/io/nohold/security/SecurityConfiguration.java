package io.nohold.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every door of NoHold and who guards it:
 * <ul>
 * <li>{@code /api/**}: Spring Security, stateless, default deny, one rule per endpoint ({@link ApiRules}); people by
 * HTTP Basic against the Camunda users, channels by API key ({@link ChannelKeys}); on the endpoints of
 * {@link SessionDoors} also people signed in to the webapps, by their session and its CSRF token;</li>
 * <li>{@code /actuator/**}: health for everyone (status only), everything else for the {@code monitoring} group;</li>
 * <li>{@code /engine-rest/**}: HTTP Basic by Camunda's own filter (below), the engine's authorizations and NoHold's
 * engine door;</li>
 * <li>the webapps ({@code /camunda/**}): Camunda's own session login, CSRF protection and authorizations. Spring
 * Security stays out of their way there: no session, no CSRF token and no headers of its own.</li>
 * </ul>
 * Failed sign-ins on every door that takes a credential are limited per source ({@link FailedAuthenticationThrottle}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
// the what-if simulator (io.nohold.simulation) starts the application without a web server: no doors to guard
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    PersonCredentials personCredentials(IdentityService identity) {
        return new PersonCredentials(identity);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ChannelKeys channels, PersonCredentials people, WebappSignIn webapps,
            @Qualifier("requestMappingHandlerMapping") HandlerMapping endpoints) throws Exception {
        stateless(http.securityMatcher("/api/**"), channels, people, webapps);
        http.authorizeHttpRequests(rules -> ApiRules.apply(rules, endpoints));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, ChannelKeys channels, PersonCredentials people) throws Exception {
        stateless(http.securityMatcher("/actuator/**"), channels, people, null);
        http.authorizeHttpRequests(rules -> rules.requestMatchers("/actuator/health", "/actuator/health/**")
            .permitAll()
            .anyRequest()
            .hasAuthority(Groups.MONITORING));
        return http.build();
    }

    /** The webapps, the engine's REST API and the static pages: guarded by Camunda; Spring Security adds nothing. */
    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .headers(headers -> headers.disable())
            .requestCache(cache -> cache.disable())
            .logout(logout -> logout.disable())
            .anonymous(anonymous -> anonymous.disable())
            .servletApi(servletApi -> servletApi.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    private static void stateless(HttpSecurity http, ChannelKeys channels, PersonCredentials people, WebappSignIn webapps)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies: the credentials come with every request
            // no session of its own, and a webapp session it reads (SessionDoors) keeps its id: the default
            // session-fixation protection gave the Tasklist's session a new id on every /api call, and the Tasklist's
            // requests under way with the old id found themselves signed out
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
            .requestCache(cache -> cache.disable())
            .logout(logout -> logout.disable())
            .servletApi(servletApi -> servletApi.disable())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityResponses.entryPoint())
                .accessDeniedHandler(SecurityResponses.accessDenied()))
            .addFilterBefore(new CredentialsFilter(channels, people, webapps), AnonymousAuthenticationFilter.class);
    }

    @Bean
    FilterRegistrationBean<FailedAuthenticationThrottle> failedAuthenticationThrottle(
            @Value("${nohold.security.failed-sign-ins.capacity}") long capacity,
            @Value("${nohold.security.failed-sign-ins.refill-per-minute}") long refillPerMinute) {
        FilterRegistrationBean<FailedAuthenticationThrottle> registration = new FilterRegistrationBean<>(
                new FailedAuthenticationThrottle(capacity, refillPerMinute));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", "/camunda/api/admin/auth/*");
        // before Spring Security (-100) and Camunda's engine REST authentication
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new AuthenticateEveryEngineRequest());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Camunda's filter lets GET /engine-rest/engine (the list of engines) through unauthenticated; this one does not. */
    static final class AuthenticateEveryEngineRequest extends ProcessEngineAuthenticationFilter {

        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }

    }

}
