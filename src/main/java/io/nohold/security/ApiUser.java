package io.nohold.security;

import java.util.List;
import java.util.Optional;

/**
 * Who is calling /api, for the duration of the request. The API checks regions itself (see
 * {@code io.nohold.directory.RegionAccess}); engine calls made on the caller's behalf run as the application.
 */
public record ApiUser(String id, List<String> groups) {

    private static final ThreadLocal<ApiUser> CURRENT = new ThreadLocal<>();

    public static Optional<ApiUser> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(ApiUser user) {
        CURRENT.set(user);
    }

    static void clear() {
        CURRENT.remove();
    }

    public boolean memberOf(String group) {
        return groups.contains(group);
    }

}
