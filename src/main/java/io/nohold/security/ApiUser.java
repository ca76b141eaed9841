package io.nohold.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling /api: a person (a Camunda user, with their groups) or a channel (authenticated by one of its API
 * keys, with the single group {@link Groups#CHANNELS}). Set by Spring Security for the duration of the request; the
 * region rule is {@link RegionAccess}.
 */
public record ApiUser(String id, List<String> groups) {

    public ApiUser {
        groups = List.copyOf(groups);
    }

    public static ApiUser channel(String channelId) {
        return new ApiUser(channelId, List.of(Groups.CHANNELS));
    }

    public static Optional<ApiUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiUser user ? Optional.of(user)
                : Optional.empty();
    }

    public boolean memberOf(String group) {
        return groups.contains(group);
    }

    public boolean isChannel() {
        return memberOf(Groups.CHANNELS);
    }

}
