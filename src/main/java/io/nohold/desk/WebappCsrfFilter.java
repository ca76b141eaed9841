package io.nohold.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection of the Camunda webapps (Tasklist, Cockpit, Admin), in place of Camunda's
 * {@code CsrfPreventionFilter}, which opened a session for every anonymous request and ended the victim's session
 * when a request came with a wrong token.
 * <p>
 * The token travels as Camunda's frontends expect it: the {@code XSRF-TOKEN} cookie (readable by the page, SameSite,
 * Secure over HTTPS), which the page sends back in the {@code X-XSRF-TOKEN} header of every modifying request.
 * <ul>
 * <li>Without a session (before the login) the token lives in the cookie alone, and a modifying request must send the
 * cookie's value in the header (double submit). A page of another site can neither read the cookie nor add a header
 * to a cross-site request without a CORS permission, which the webapps never give.</li>
 * <li>The request that creates the session (the login) binds the token it was checked with to the session. From then
 * on a modifying request must send exactly the session's token (compared in constant time); the cookie no longer
 * counts.</li>
 * <li>A refused request is answered {@code 403} and changes nothing: no session is created, ended or given a new
 * token, so a forged request cannot log anybody out.</li>
 * </ul>
 */
class WebappCsrfFilter extends OncePerRequestFilter {

    static final String HEADER = "X-XSRF-TOKEN";

    static final String SESSION_ATTRIBUTE = WebappCsrfFilter.class.getName() + ".token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** 32 random bytes, base64url; 32 to 128 such characters are accepted (Camunda's own tokens were 32 hex digits). */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{32,128}");

    private final SecureRandom random = new SecureRandom();

    private final String cookieName;

    private final String applicationPath;

    private final String sameSite;

    private final boolean alwaysSecure;

    WebappCsrfFilter(String cookieName, String applicationPath, String sameSite, boolean alwaysSecure) {
        this.cookieName = cookieName;
        this.applicationPath = applicationPath;
        this.sameSite = sameSite;
        this.alwaysSecure = alwaysSecure;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            handOut(request, response);
            chain.doFilter(request, response);
            return;
        }
        HttpSession before = request.getSession(false);
        String beforeId = before == null ? null : before.getId();
        String sent = request.getHeader(HEADER);
        boolean valid = before == null ? matchesCookie(sent, request) : same(sent, sessionToken(before));
        if (!valid) {
            refuse(response, sent == null || sent.isBlank());
            return;
        }
        chain.doFilter(request, response);
        HttpSession after = request.getSession(false);
        if (after != null && !after.getId().equals(beforeId)) {
            // the login: the browser already holds this token as its cookie, so the page goes on without a new one
            bind(after, sent);
        }
    }

    /** A page or read hands out a token when the browser lacks the current one. */
    private void handOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        String token;
        if (session != null) {
            token = sessionToken(session);
            if (token == null) {
                token = bind(session, newToken());
            }
        }
        else {
            if (Arrays.stream(cookies(request)).anyMatch(value -> WELL_FORMED.matcher(value).matches())) {
                return;
            }
            token = newToken();
        }
        String current = token;
        if (Arrays.stream(cookies(request)).noneMatch(current::equals)) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token));
            response.setHeader(HEADER, token);
        }
    }

    private String bind(HttpSession session, String token) {
        synchronized (this) {
            String bound = sessionToken(session);
            if (bound != null) {
                return bound;
            }
            session.setAttribute(SESSION_ATTRIBUTE, token);
            return token;
        }
    }

    private boolean matchesCookie(String sent, HttpServletRequest request) {
        if (sent == null || !WELL_FORMED.matcher(sent).matches()) {
            return false;
        }
        // every cookie of the name counts: a cookie set for a narrower path by someone else must not lock the page out
        boolean match = false;
        for (String value : cookies(request)) {
            match |= same(sent, value);
        }
        return match;
    }

    private static boolean same(String sent, String expected) {
        return sent != null && expected != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String sessionToken(HttpSession session) {
        return session.getAttribute(SESSION_ATTRIBUTE) instanceof String token ? token : null;
    }

    private String[] cookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return new String[0];
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(cookieName)).map(Cookie::getValue).toArray(String[]::new);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String cookie(HttpServletRequest request, String token) {
        String path = request.getContextPath() + applicationPath;
        return ResponseCookie.from(cookieName, token)
            .path(path.isEmpty() ? "/" : path)
            // the page's script reads it to send it back in the header
            .httpOnly(false)
            .secure(alwaysSecure || request.isSecure())
            .sameSite(sameSite)
            .build()
            .toString();
    }

    private static void refuse(HttpServletResponse response, boolean missing) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        if (missing) {
            response.setHeader(HEADER, "Required");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
            .write("{\"type\":\"Forbidden\",\"message\":\"" + (missing ? "the X-XSRF-TOKEN header is missing"
                    : "the X-XSRF-TOKEN header does not match this session's token")
                    + "; send the value of the XSRF-TOKEN cookie\"}");
    }

}
