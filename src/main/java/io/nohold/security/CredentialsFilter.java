package io.nohold.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.nohold.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the caller's credentials from the {@code Authorization} header:
 * <ul>
 * <li>{@code Bearer <API key>}: a channel;</li>
 * <li>{@code Basic <channel id>:<API key>}: a channel, for adapters that only speak Basic;</li>
 * <li>{@code Basic <user>:<password>}: a person (a Camunda user).</li>
 * </ul>
 * Credentials that are present but wrong end the request with 401 at once. Without any, on an endpoint of
 * {@link SessionDoors}, a person signed in to the Camunda webapps is the caller ({@link WebappSignIn}); a modifying
 * request must then carry the session's CSRF token, else it ends with 403 before anything is read or changed.
 * Otherwise the request goes on anonymously and the rules of {@link ApiRules} decide (every rule of /api needs a
 * caller).
 */
class CredentialsFilter extends OncePerRequestFilter {

    private final ChannelKeys channels;

    private final PersonCredentials people;

    /** {@code null}: no webapp session is accepted (the operations endpoints). */
    private final WebappSignIn webapps;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    CredentialsFilter(ChannelKeys channels, PersonCredentials people, WebappSignIn webapps) {
        this.channels = channels;
        this.people = people;
        this.webapps = webapps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            Optional<String> signedIn = webapps == null || !SessionDoors.open(request) ? Optional.empty()
                    : webapps.signedIn(request);
            Optional<ApiUser> person = signedIn.flatMap(people::signedIn);
            if (person.isPresent()) {
                if (!SAFE_METHODS.contains(request.getMethod()) && !webapps.carriesToken(request)) {
                    Problems.write(request, response, HttpStatus.FORBIDDEN, "the X-XSRF-TOKEN header is missing or does "
                            + "not match this session's token; send the value of the Tasklist's XSRF-TOKEN cookie");
                    return;
                }
                signIn(person.get());
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiUser> user = authenticate(header.strip());
        if (user.isEmpty()) {
            SecurityResponses.unauthorized(request, response, "the credentials are not valid");
            return;
        }
        signIn(user.get());
        chain.doFilter(request, response);
    }

    private static void signIn(ApiUser user) {
        var authorities = user.groups().stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.setContext(
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities)));
    }

    private Optional<ApiUser> authenticate(String header) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return channels.authenticate(header.substring(7).strip());
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        Optional<ApiUser> remembered = people.remembered(id, secret);
        if (remembered.isPresent()) {
            return remembered;
        }
        // a channel's password is one of its own keys; a person's password may be anything, even another channel's key
        Optional<ApiUser> channel = channels.authenticate(secret, id);
        if (channel.isPresent() || channels.isChannel(id)) {
            return channel;
        }
        return people.authenticate(id, secret);
    }

}
