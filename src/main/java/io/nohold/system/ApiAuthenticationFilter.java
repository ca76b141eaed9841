package io.nohold.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of /api against the Camunda users. The caller is known as {@link ApiUser} for the
 * duration of the request.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    private final ObjectMapper json;

    ApiAuthenticationFilter(IdentityService identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = authenticatedUser(request.getHeader("Authorization"));
        if (userId == null) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"NoHold\"");
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(),
                    new ApiError("authentication required: HTTP Basic with a NoHold user"));
            return;
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        ApiUser.set(new ApiUser(userId, groups));
        try {
            chain.doFilter(request, response);
        }
        finally {
            ApiUser.clear();
        }
    }

    private String authenticatedUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
    }

}
