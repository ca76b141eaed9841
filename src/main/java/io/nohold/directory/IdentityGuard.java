package io.nohold.directory;

import io.nohold.security.Groups;
import io.nohold.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * NoHold owns its people and groups: the engine's identity API (engine REST and the webapps' engine API, which Camunda
 * Admin uses) refuses, with 403, every change that touches someone in a NoHold group ({@code reps-*},
 * {@code supervisors-*}, {@code head-of-service}, {@code channels}) or one of these groups: membership added or
 * removed, user deleted or profile changed (a rename), group created, renamed or deleted, tenant membership. That holds
 * for administrators too; they use {@code /api/reps}, which keeps the directory and the identity in step. Reading is
 * untouched, and so is a password change ({@code PUT /user/{id}/credentials}), for which the engine asks the caller's
 * own password.
 * <p>
 * Callers the engine or the webapp has not authenticated pass on unchanged and are refused there, so a stranger
 * learns nothing about who is a NoHold user.
 */
class IdentityGuard extends OncePerRequestFilter {

    /** More than any identity request needs; a larger body of a group creation is refused rather than read. */
    private static final int MAX_BODY = 64 * 1024;

    private final IdentityService identity;

    private final RegionDirectory directory;

    private final ObjectMapper json;

    IdentityGuard(IdentityService identity, RegionDirectory directory, ObjectMapper json) {
        this.identity = identity;
        this.directory = directory;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || !authenticated(request)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> path = enginePath(request);
        if (path.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest forward = request;
        Optional<String> refusal;
        if (path.equals(List.of("group", "create")) && "POST".equals(method)) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                Problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "a group is created with a small JSON body");
                return;
            }
            forward = new CachedBody(request, body);
            refusal = groupIdOf(body).filter(Groups::isNoHold).map(id -> "group '" + id + "'");
        }
        else {
            refusal = without(() -> refusal(method, path));
        }
        if (refusal.isPresent()) {
            Problems.write(request, response, HttpStatus.FORBIDDEN, refusal.get() + " is managed by NoHold: use /api/reps");
            return;
        }
        chain.doFilter(forward, response);
    }

    /** Which change of NoHold's people or groups this is, if any. */
    private Optional<String> refusal(String method, List<String> path) {
        String first = path.get(0);
        if (first.equals("user") && path.size() >= 2 && !path.get(1).equals("create")) {
            String user = path.get(1);
            boolean change = path.size() == 2 && "DELETE".equals(method) || path.size() == 3 && path.get(2).equals("profile");
            return change && noHoldUser(user) ? Optional.of("user '" + user + "'") : Optional.empty();
        }
        if (first.equals("group") && path.size() >= 2 && !path.get(1).equals("create")) {
            String group = path.get(1);
            if (Groups.isNoHold(group) && (path.size() == 2 || path.get(2).equals("members"))) {
                return Optional.of("group '" + group + "'");
            }
            if (path.size() == 4 && path.get(2).equals("members") && noHoldUser(path.get(3))) {
                return Optional.of("user '" + path.get(3) + "'");
            }
            return Optional.empty();
        }
        if (first.equals("tenant") && path.size() == 4) {
            if (path.get(2).equals("user-members") && noHoldUser(path.get(3))) {
                return Optional.of("user '" + path.get(3) + "'");
            }
            if (path.get(2).equals("group-members") && Groups.isNoHold(path.get(3))) {
                return Optional.of("group '" + path.get(3) + "'");
            }
        }
        return Optional.empty();
    }

    /** Someone of NoHold: listed in the directory (not removed), or a member of one of NoHold's groups. */
    private boolean noHoldUser(String userId) {
        if (directory.findEntry(userId).filter(DirectoryEntry::active).isPresent()) {
            return true;
        }
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).anyMatch(Groups::isNoHold);
    }

    /**
     * The path below the engine's root, in decoded and normalised segments (the servlet container has removed dot
     * segments and path parameters): {@code /engine-rest/user/dana} and
     * {@code /camunda/api/engine/engine/default/user/dana} both give {@code [user, dana]}. Empty for other paths.
     */
    static List<String> enginePath(HttpServletRequest request) {
        String full = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        List<String> segments = new ArrayList<>(Arrays.stream(full.split("/")).filter(s -> !s.isEmpty()).toList());
        int root;
        if (segments.size() >= 1 && segments.get(0).equals("engine-rest")) {
            root = segments.size() >= 3 && segments.get(1).equals("engine") ? 3 : 1;
        }
        else if (segments.size() >= 5 && segments.get(0).equals("camunda") && segments.get(1).equals("api")
                && segments.get(2).equals("engine") && segments.get(3).equals("engine")) {
            root = 5;
        }
        else {
            return List.of();
        }
        return segments.size() > root ? List.copyOf(segments.subList(root, segments.size())) : List.of();
    }

    private Optional<String> groupIdOf(byte[] body) {
        try {
            JsonNode id = json.readTree(body).path("id");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        }
        catch (IOException e) {
            // the engine answers a malformed body itself
            return Optional.empty();
        }
    }

    /** Signed in to the engine REST API (Basic, checked before this filter) or to the webapps (session). */
    private boolean authenticated(HttpServletRequest request) {
        if (identity.getCurrentAuthentication() != null) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null && !authentications.getAuthentications().isEmpty();
    }

    /** Looks at the identity as the application, whatever the caller may read. */
    private <T> T without(java.util.function.Supplier<T> lookUp) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return lookUp.get();
        }
        finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** The request with its body read once and given again to the engine. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

    }

}
