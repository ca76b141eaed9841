package io.nohold.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.nohold.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of /api and the operations endpoints, as the same problem details as every other error of /api. */
final class SecurityResponses {

    private SecurityResponses() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.addHeader("WWW-Authenticate", "Basic realm=\"NoHold\", charset=\"UTF-8\"");
        response.addHeader("WWW-Authenticate", "Bearer realm=\"NoHold\"");
        Problems.write(request, response, HttpStatus.UNAUTHORIZED,
                detail + ": send HTTP Basic with a NoHold user, or a channel's API key as Bearer token or Basic password");
    }

    static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> unauthorized(request, response, "authentication required");
    }

    static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> Problems.write(request, response, HttpStatus.FORBIDDEN,
                "this request is not permitted for your role");
    }

}
