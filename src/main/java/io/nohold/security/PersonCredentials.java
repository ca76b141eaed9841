package io.nohold.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Checks a person's user name and password against the Camunda users (the same accounts as the Tasklist).
 * <p>
 * A successful check is remembered for {@link #REMEMBERED}, keyed by a SHA-256 digest of user and password (never
 * the password itself): checking the password and reading the groups were three queries per request. Consequence: a
 * changed password, a removed user or a new group membership takes effect within that minute. Failed checks are never
 * remembered, so every wrong password still counts towards the engine's login delay.
 */
class PersonCredentials {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    /** More distinct callers than this within a minute and the memory is simply started afresh. */
    private static final int MAX_REMEMBERED = 10_000;

    private final IdentityService identity;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    PersonCredentials(IdentityService identity) {
        this.identity = identity;
    }

    private record Remembered(ApiUser user, long until) {
    }

    /** The person, if this user name and password were checked within {@link #REMEMBERED}; no query. */
    Optional<ApiUser> remembered(String userId, String password) {
        Remembered entry = remembered.get(key(userId, password));
        return entry != null && entry.until() - System.nanoTime() > 0 ? Optional.of(entry.user()) : Optional.empty();
    }

    Optional<ApiUser> authenticate(String userId, String password) {
        Optional<ApiUser> known = remembered(userId, password);
        if (known.isPresent()) {
            return known;
        }
        String key = key(userId, password);
        if (!identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        ApiUser user = new ApiUser(userId, groupsOf(userId));
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(user, System.nanoTime() + REMEMBERED.toNanos()));
        return Optional.of(user);
    }

    /**
     * A person signed in elsewhere (the webapps' session), with their groups as they are now; empty when the user no
     * longer exists. Two queries, never remembered: a removed person or a changed membership counts at once.
     */
    Optional<ApiUser> signedIn(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(new ApiUser(userId, groupsOf(userId)));
    }

    private List<String> groupsOf(String userId) {
        // channels authenticate with API keys only: a person in a group of that name is still a person
        return identity.createGroupQuery()
            .groupMember(userId)
            .list()
            .stream()
            .map(Group::getId)
            .filter(group -> !Groups.CHANNELS.equals(group))
            .toList();
    }

    private static String key(String userId, String password) {
        return ChannelKeys.sha256(userId + '\u0000' + password);
    }

}
