package io.nohold.security;

import static io.nohold.security.Groups.ADMIN;
import static io.nohold.security.Groups.CHANNELS;
import static io.nohold.security.Groups.HEAD_OF_SERVICE;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who may call which endpoint of /api: one rule per endpoint, and everything without a rule is refused. These are
 * the role rules; which region's data a rep or supervisor may see is decided per record by {@link RegionAccess}.
 * {@code RoleMatrixTests} checks every endpoint against every role and fails for an endpoint without a row.
 */
final class ApiRules {

    private ApiRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api,
            HandlerMapping endpoints) {
        api
            // intake: the channels, and head of service or an admin standing in for one
            .requestMatchers(POST, "/api/contacts").hasAnyAuthority(CHANNELS, HEAD_OF_SERVICE, ADMIN)
            .requestMatchers(GET, "/api/contacts", "/api/contacts/*").hasAnyAuthority(CHANNELS, HEAD_OF_SERVICE, ADMIN)
            // look-ups: everyone signed in, reps and supervisors for their own region only
            .requestMatchers(GET, "/api/cases/*").authenticated()
            // searches: everyone signed in; reps and supervisors find only their own region's cases and customers
            .requestMatchers(GET, "/api/cases", "/api/customers").authenticated()
            // a case's files: whoever may see the case (checked per region)
            .requestMatchers(GET, "/api/cases/*/attachments/*").authenticated()
            // mails of the support mailbox that could not be taken in: head of service and admins
            .requestMatchers(GET, "/api/mailbox/failed").hasAnyAuthority(HEAD_OF_SERVICE, ADMIN)
            .requestMatchers(GET, "/api/customers/*").authenticated()
            // a customer's personal data: export and erasure by administrators only
            .requestMatchers(GET, "/api/customers/*/export").hasAuthority(ADMIN)
            .requestMatchers(DELETE, "/api/customers/*/personal-data").hasAuthority(ADMIN)
            // the directory: administrators add and remove people; head of service reads the whole directory
            .requestMatchers(GET, "/api/reps").hasAnyAuthority(HEAD_OF_SERVICE, ADMIN)
            .requestMatchers(POST, "/api/reps").hasAuthority(ADMIN)
            .requestMatchers(DELETE, "/api/reps/*").hasAuthority(ADMIN)
            .requestMatchers(GET, "/api/reps/*").authenticated()
            // who am I, and my own status: any person (never a channel); Basic, or the webapps' session and CSRF token
            .requestMatchers(GET, "/api/me").access(person())
            .requestMatchers(PUT, "/api/me/status").access(person())
            // a rep's availability: the rep, their supervisors, head of service, admins (never a channel)
            .requestMatchers(PUT, "/api/reps/*/availability").access(person())
            // a rep's shifts and absences: the rep reads them, the region's supervisors and admins read and change them
            // (checked per rep); never a channel
            .requestMatchers(GET, "/api/reps/*/schedule").access(person())
            .requestMatchers(PUT, "/api/reps/*/schedule").access(person())
            // the directory in the browser: administrators change regions, routing rules, the backup order, a rep's
            // region and a customer's placement; head of service reads the regions; every change is audited
            .requestMatchers(GET, "/api/regions").hasAnyAuthority(HEAD_OF_SERVICE, ADMIN)
            .requestMatchers(POST, "/api/regions").hasAuthority(ADMIN)
            .requestMatchers(PUT, "/api/regions/*", "/api/regions/*/rules", "/api/regions/*/backup-order").hasAuthority(ADMIN)
            .requestMatchers(PUT, "/api/reps/*/region").hasAuthority(ADMIN)
            .requestMatchers(PUT, "/api/customers/*/placement").hasAuthority(ADMIN)
            .requestMatchers(GET, "/api/customers/*/history").authenticated()
            .requestMatchers(GET, "/api/directory/audit").hasAuthority(ADMIN)
            // a region's calendar: its reps and supervisors (checked per region), head of service and admins read it;
            // admins change it; channels have no business with it
            .requestMatchers(GET, "/api/regions/*/calendar").access(person())
            .requestMatchers(PUT, "/api/regions/*/calendar").hasAuthority(ADMIN)
            // a region's morning list: its supervisors (checked per region), head of service and admins
            .requestMatchers(GET, "/api/regions/*/morning-list").access(person())
            // the supervisor's board: people only (never a channel); the region is checked per request (RegionAccess)
            .requestMatchers(GET, "/api/board").access(person())
            // the outbox: read and confirmed by the channels that deliver it
            .requestMatchers(GET, "/api/notifications").hasAnyAuthority(CHANNELS, HEAD_OF_SERVICE, ADMIN)
            .requestMatchers(POST, "/api/notifications/*/delivered").hasAnyAuthority(CHANNELS, ADMIN)
            // webhooks: a channel subscribes and sees only its own subscriptions (checked per subscription);
            // administrators see all of them
            .requestMatchers(POST, "/api/webhooks").hasAnyAuthority(CHANNELS, ADMIN)
            .requestMatchers(GET, "/api/webhooks", "/api/webhooks/*/deliveries").hasAnyAuthority(CHANNELS, ADMIN)
            .requestMatchers(DELETE, "/api/webhooks/*").hasAnyAuthority(CHANNELS, ADMIN)
            // channels and their API keys
            .requestMatchers(GET, "/api/channels", "/api/channels/*", "/api/channels/*/keys").hasAuthority(ADMIN)
            .requestMatchers(POST, "/api/channels", "/api/channels/*/keys").hasAuthority(ADMIN)
            .requestMatchers(DELETE, "/api/channels/*/keys/*").hasAuthority(ADMIN)
            // no endpoint at all for this method and path: let a signed-in caller hear 404 or 405 from the API;
            // an endpoint without a rule above is refused
            .anyRequest().access(unrouted(endpoints));
    }

    private static AuthorizationManager<RequestAuthorizationContext> unrouted(HandlerMapping endpoints) {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            if (caller == null || !(caller.getPrincipal() instanceof ApiUser)) {
                return new AuthorizationDecision(false);
            }
            try {
                return new AuthorizationDecision(endpoints.getHandler(context.getRequest()) == null);
            }
            catch (HttpRequestMethodNotSupportedException | HttpMediaTypeNotSupportedException e) {
                return new AuthorizationDecision(true);
            }
            catch (Exception e) {
                return new AuthorizationDecision(false);
            }
        };
    }

    /** Any signed-in person; not a channel. */
    private static AuthorizationManager<RequestAuthorizationContext> person() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> new AuthorizationDecision(
                authentication.get() != null && authentication.get().getPrincipal() instanceof ApiUser user && !user.isChannel());
    }

}
