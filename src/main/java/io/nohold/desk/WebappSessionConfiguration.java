package io.nohold.desk;

import jakarta.servlet.Filter;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.CsrfProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Sessions of the Camunda webapps: none for anonymous requests, and CSRF refusals that leave the session alone.
 * <p>
 * Camunda's webapp initializer registers each of its filters only under a name nobody has taken yet (that is how
 * {@code web.xml} overrides it). Three of them open a session for every request ({@code getSession(true)}): the
 * authentication filter, the CSRF filter and the session cookie filter. The registrations here run before Camunda's
 * initializer and take those names, so Camunda's own are not registered. The session cookie's attributes come from
 * {@code server.servlet.session.cookie.*} instead of Camunda's {@code SessionCookieFilter}
 * (see {@code application.yaml}). {@code WebappSessionTests} fails if Camunda's filters come back.
 */
@Configuration(proxyBeanMethods = false)
class WebappSessionConfiguration {

    /** Before the engine API allowlist (+21), which may then read {@code Authentications.getCurrent()}. */
    static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    static final int CSRF_ORDER = Ordered.HIGHEST_PRECEDENCE + 16;

    @Bean
    FilterRegistrationBean<WebappAuthenticationFilter> webappAuthentication(CamundaBpmProperties properties) {
        WebappProperty webapp = properties.getWebapp();
        FilterRegistrationBean<WebappAuthenticationFilter> registration = camundaNamed("Authentication Filter",
                new WebappAuthenticationFilter(), webapp, AUTHENTICATION_ORDER);
        if (webapp.getAuth().getCache().isTtlEnabled()) {
            registration.addInitParameter("cacheTimeToLive", Long.toString(webapp.getAuth().getCache().getTimeToLive()));
        }
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappCsrfFilter> webappCsrf(CamundaBpmProperties properties) {
        WebappProperty webapp = properties.getWebapp();
        CsrfProperties csrf = webapp.getCsrf();
        String cookieName = csrf.getCookieName() == null || csrf.getCookieName().isBlank() ? "XSRF-TOKEN"
                : csrf.getCookieName();
        // Camunda's csrf.same-site-cookie-option (Lax or Strict) and enable-secure-cookie keep their meaning
        String sameSite = "strict".equalsIgnoreCase(csrf.getSameSiteCookieOption()) ? "Strict" : "Lax";
        return camundaNamed("CsrfPreventionFilter", new WebappCsrfFilter(cookieName, webapp.getApplicationPath(), sameSite,
                csrf.isEnableSecureCookie()), webapp, CSRF_ORDER);
    }

    /** Takes the name only: Camunda's {@code SessionCookieFilter} opened a session for every request. */
    @Bean
    FilterRegistrationBean<Filter> webappSessionCookie(CamundaBpmProperties properties) {
        Filter passThrough = (request, response, chain) -> chain.doFilter(request, response);
        return camundaNamed("SessionCookieFilter", passThrough, properties.getWebapp(), CSRF_ORDER + 1);
    }

    private static <F extends Filter> FilterRegistrationBean<F> camundaNamed(String name, F filter, WebappProperty webapp,
            int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns(webapp.getApplicationPath() + "/api/*", webapp.getApplicationPath() + "/app/*");
        registration.setOrder(order);
        return registration;
    }

}
