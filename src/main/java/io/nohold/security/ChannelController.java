package io.nohold.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators register channels and manage their API keys: issue (the key is shown once), list (with last use)
 * and revoke. Rotation is issue, switch the adapter over, revoke.
 */
@RestController
@RequestMapping(path = "/api/channels", produces = MediaType.APPLICATION_JSON_VALUE)
class ChannelController {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ChannelKeys channels;

    private final IdentityService identity;

    ChannelController(ChannelKeys channels, IdentityService identity) {
        this.channels = channels;
        this.identity = identity;
    }

    record NewChannel(String id, String name) {
    }

    record NewKey(String name) {
    }

    @GetMapping
    List<ChannelKeys.Channel> channels() {
        return channels.channels();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChannelKeys.Channel> create(@RequestBody NewChannel request) {
        if (request.id() == null || request.id().length() > 64 || !ID.matcher(request.id()).matches()) {
            throw invalid("id", "must be 1 to 64 lower-case letters, digits and single hyphens, such as \"chat-widget\"");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200
                || request.name().chars().anyMatch(Character::isISOControl)) {
            throw invalid("name", "must be 1 to 200 characters of text on one line");
        }
        // a channel id is a user name in HTTP Basic: it must not shadow a person
        if (identity.createUserQuery().userId(request.id()).count() > 0 || !channels.createChannel(request.id(), request.name().strip())) {
            throw new ApiException(HttpStatus.CONFLICT, "a channel or user with this id exists already",
                    List.of(new FieldProblem("id", "must not be taken")));
        }
        ChannelKeys.Channel channel = channels.channel(request.id()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/channels/" + channel.id())).body(channel);
    }

    @GetMapping("/{id}")
    ChannelKeys.Channel channel(@PathVariable String id) {
        return channels.channel(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/keys")
    List<ChannelKeys.KeyInfo> keys(@PathVariable String id) {
        channel(id);
        return channels.keys(id);
    }

    @PostMapping(path = "/{id}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChannelKeys.IssuedKey> issue(@PathVariable String id, @RequestBody(required = false) NewKey request) {
        channel(id);
        String name = request == null || request.name() == null ? "key" : request.name().strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("name", "must be 1 to 200 characters of text on one line");
        }
        String by = ApiUser.current().map(ApiUser::id).orElseThrow();
        ChannelKeys.IssuedKey key = channels.issue(id, name, by);
        return ResponseEntity.created(URI.create("/api/channels/" + id + "/keys/" + key.id())).body(key);
    }

    @DeleteMapping("/{id}/keys/{keyId}")
    ResponseEntity<Map<String, String>> revoke(@PathVariable String id, @PathVariable String keyId) {
        if (!channels.revoke(id, keyId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "channel " + id + " has no key " + keyId, List.of());
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "no channel " + id, List.of());
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid request", List.of(new FieldProblem(field, message)));
    }

}
