package io.nohold.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.nohold.web.Problems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of /api against the Camunda users. The caller is known as {@link ApiUser} for the
 * duration of the request.
 * <p>
 * A channel sends the same credentials with every contact, so a successful check is remembered for
 * {@link #REMEMBERED} (keyed by a SHA-256 digest of the header, never the password itself): checking the password and
 * reading the groups were three queries per contact. Consequence: a changed password, a removed user or a new group
 * membership takes effect for a caller already authenticated within that minute. Failed checks are never remembered,
 * so every wrong password still counts towards the engine's login lockout.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    /** More distinct callers than this within a minute and the memory is simply started afresh. */
    private static final int MAX_REMEMBERED = 10_000;

    private final IdentityService identity;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    ApiAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    private record Remembered(ApiUser user, long until) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        ApiUser user = null;
        if (header != null) {
            String key = digest(header);
            Remembered entry = remembered.get(key);
            user = entry != null && entry.until() - System.nanoTime() > 0 ? entry.user() : authenticate(header, key);
        }
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"NoHold\"");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "authentication required: HTTP Basic with a NoHold user");
            return;
        }
        ApiUser.set(user);
        try {
            chain.doFilter(request, response);
        }
        finally {
            ApiUser.clear();
        }
    }

    private ApiUser authenticate(String header, String key) {
        String userId = authenticatedUser(header);
        if (userId == null) {
            return null;
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        ApiUser user = new ApiUser(userId, groups);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(user, System.nanoTime() + REMEMBERED.toNanos()));
        return user;
    }

    private static String digest(String header) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
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
