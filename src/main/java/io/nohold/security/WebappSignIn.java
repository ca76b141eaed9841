package io.nohold.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Camunda webapps' sign-in as {@code /api} sees it: who is signed in in the request's webapp session, and whether
 * the request carries that session's CSRF token. Implemented where the webapps' session is kept ({@code desk}); read
 * without ever creating a session. {@link SessionDoors} says which endpoints of {@code /api} accept it.
 */
public interface WebappSignIn {

    /** The user signed in to the webapps in this request's session, if there is one. */
    Optional<String> signedIn(HttpServletRequest request);

    /** Whether the request's {@code X-XSRF-TOKEN} header is exactly its session's CSRF token. */
    boolean carriesToken(HttpServletRequest request);

}
