package io.nohold.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Credentials that are present but wrong end the request with 401 at once; without any, the request goes on
 * anonymously and the rules of {@link ApiRules} decide (every rule of /api needs a caller).
 */
class CredentialsFilter extends OncePerRequestFilter {

    private final ChannelKeys channels;

    private final PersonCredentials people;

    CredentialsFilter(ChannelKeys channels, PersonCredentials people) {
        this.channels = channels;
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiUser> user = authenticate(header.strip());
        if (user.isEmpty()) {
            SecurityResponses.unauthorized(request, response, "the credentials are not valid");
            return;
        }
        var authorities = user.get().groups().stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.setContext(
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, authorities)));
        chain.doFilter(request, response);
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
