package io.nohold.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.nohold.casefile.NotificationKind;
import io.nohold.security.ApiUser;
import io.nohold.security.Groups;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channel adapters subscribe to customer notifications: {@code url}, {@code events} (notification kinds) and
 * {@code secret} (signs every delivery; never shown again). A channel sees and ends only its own subscriptions;
 * administrators see and end all of them.
 */
@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    static final int URL_LIMIT = 2000;

    private static final String EVENTS = "must be a non-empty list of notification kinds, each one of "
            + Arrays.stream(NotificationKind.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record NewWebhook(String url, List<String> events, String secret) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Webhook> subscribe(@RequestBody NewWebhook request) {
        String url = checkUrl(request.url());
        List<String> events = checkEvents(request.events());
        String secret = request.secret();
        if (secret == null || secret.length() < 16 || secret.length() > 200 || secret.chars().anyMatch(Character::isISOControl)) {
            throw invalid("secret", "is required: 16 to 200 characters on one line, known only to NoHold and the receiver; "
                    + "it signs every delivery");
        }
        Webhook webhook = webhooks.create(caller().id(), url, events, secret);
        return ResponseEntity.created(URI.create("/api/webhooks/" + webhook.id())).body(webhook);
    }

    @GetMapping
    List<Webhook> list() {
        ApiUser caller = caller();
        return webhooks.list(caller.memberOf(Groups.ADMIN) ? null : caller.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable String id) {
        webhooks.delete(visible(id).id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryLog> deliveries(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw invalid("limit", "must be between 1 and 1000");
        }
        return webhooks.log(visible(id).id(), limit);
    }

    /** The subscription, if the caller may see it: its owner or an administrator; 404 for everyone else. */
    private Webhook visible(String id) {
        ApiUser caller = caller();
        return webhooks.find(id)
            .filter(webhook -> caller.memberOf(Groups.ADMIN) || webhook.owner().equals(caller.id()))
            .orElseThrow(() -> ApiException.notFound("webhook", id));
    }

    private static ApiUser caller() {
        return ApiUser.current().orElseThrow(() -> new IllegalStateException("/api/webhooks is never anonymous"));
    }

    /** http or https, absolute, with a host, without credentials, at most {@link #URL_LIMIT} characters. */
    static String checkUrl(String url) {
        String accepted = "must be an absolute http:// or https:// URL with a host and without user name or password, at most "
                + URL_LIMIT + " characters";
        if (url == null || url.isBlank() || url.length() > URL_LIMIT || url.chars().anyMatch(c -> c <= ' ')) {
            throw invalid("url", accepted);
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw invalid("url", accepted);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("url", accepted + "; the scheme was " + (scheme.isEmpty() ? "missing" : scheme));
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw invalid("url", "must not hold a user name or password: the secret signs the deliveries instead");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("url", accepted + "; the host was missing");
        }
        return url;
    }

    private static List<String> checkEvents(List<String> events) {
        if (events == null || events.isEmpty() || events.size() > NotificationKind.values().length) {
            throw invalid("events", EVENTS);
        }
        Set<String> names = Arrays.stream(NotificationKind.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> chosen = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || !names.contains(event)) {
                throw invalid("events", EVENTS);
            }
            chosen.add(event);
        }
        return List.copyOf(chosen);
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.invalid(List.of(new FieldProblem(field, message)));
    }

}
