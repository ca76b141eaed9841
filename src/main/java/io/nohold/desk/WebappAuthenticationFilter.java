package io.nohold.desk;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.SecurityActions;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;

/**
 * Camunda's webapp authentication filter without its {@code getSession(true)}: a request without a session is served
 * as anonymous and leaves no session behind. The login ({@code UserAuthenticationResource}) creates the session, with
 * a new id. A session that no longer holds any authentication (after the logout) is ended at once, so a session
 * exists exactly while someone is logged in.
 */
class WebappAuthenticationFilter extends AuthenticationFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (cacheTimeToLive != null && cacheTimeToLive > 0) {
            // the login reads the time to live from here, and the login comes without a session
            ServletContextUtil.setCacheTTLForLogin(cacheTimeToLive, request.getServletContext());
        }
        HttpSession session = http.getSession(false);
        Authentications authentications = session == null ? new Authentications()
                : AuthenticationUtil.getAuthsFromSession(session);
        if (session != null && cacheTimeToLive != null) {
            AuthenticationUtil.updateCache(authentications, session, cacheTimeToLive);
        }
        Authentications.setCurrent(authentications);
        try {
            SecurityActions.runWithAuthentications(() -> {
                chain.doFilter(request, response);
                return null;
            }, authentications);
        }
        finally {
            Authentications.clearCurrent();
            HttpSession now = http.getSession(false);
            if (now != null) {
                // a login without a session before stored its own authentications in the session it created
                Authentications stored = session == null ? AuthenticationUtil.getAuthsFromSession(now) : authentications;
                if (stored.getAuthentications().isEmpty()) {
                    now.invalidate();
                }
                else {
                    AuthenticationUtil.updateSession(now, stored);
                }
            }
        }
    }

}
