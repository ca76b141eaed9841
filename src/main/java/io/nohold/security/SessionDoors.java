package io.nohold.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The endpoints of {@code /api} that a browser page signed in to the Camunda webapps may call with the webapps'
 * session (the {@code JSESSIONID} cookie) instead of HTTP Basic: the pages NoHold adds to the Tasklist and its own
 * pages. Every other endpoint takes only HTTP Basic or an API key. A modifying request with the session must carry the
 * session's CSRF token in {@code X-XSRF-TOKEN}, as the Tasklist sends it; without it, it is refused with 403 and
 * changes nothing. The role rules ({@link ApiRules}) and the region rule apply as for every other caller.
 */
final class SessionDoors {

    private static final List<PathPattern> DOORS = parse(
            // who am I, and my own status (the status switch in the Tasklist's header)
            "/api/me", "/api/me/**",
            // the supervisor's board (/board), which only reads, and its search of cases and customers
            "/api/board", "/api/cases", "/api/customers",
            // the directory's page for administrators (/directory); the rules of ApiRules still decide who may
            "/api/regions", "/api/regions/*", "/api/regions/*/rules", "/api/regions/*/calendar", "/api/regions/*/backup-order", "/api/reps",
            "/api/reps/*", "/api/reps/*/region", "/api/reps/*/schedule", "/api/customers/*/placement",
            "/api/directory/audit");

    private SessionDoors() {
    }

    static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.contains(";") || path.contains("//")) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return DOORS.stream().anyMatch(door -> door.matches(container));
    }

    private static List<PathPattern> parse(String... patterns) {
        PathPatternParser parser = new PathPatternParser();
        return java.util.Arrays.stream(patterns).map(parser::parse).toList();
    }

}
