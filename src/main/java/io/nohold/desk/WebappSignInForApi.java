package io.nohold.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import io.nohold.security.WebappSignIn;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * The webapps' sign-in for NoHold's own API: the user of the request's webapp session (read with
 * {@code getSession(false)}, so no session is ever created here) and the session's CSRF token, the one
 * {@link WebappCsrfFilter} bound to it at the login and the Tasklist sends in {@code X-XSRF-TOKEN}.
 */
@Component
class WebappSignInForApi implements WebappSignIn {

    private final String engineName;

    WebappSignInForApi(ProcessEngine engine) {
        this.engineName = engine.getName();
    }

    @Override
    public Optional<String> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return Optional.ofNullable(authentications.getAuthenticationForProcessEngine(engineName))
            .filter(UserAuthentication.class::isInstance)
            .map(authentication -> authentication.getIdentityId());
    }

    @Override
    public boolean carriesToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getHeader(WebappCsrfFilter.HEADER);
        return session != null && sent != null
                && session.getAttribute(WebappCsrfFilter.SESSION_ATTRIBUTE) instanceof String token
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

}
