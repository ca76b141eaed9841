package io.nohold.engineapi;

import java.util.List;

import io.nohold.security.Groups;

/** Who calls the engine through one of its doors, as far as the door needs to know. */
record Caller(String id, List<String> groups) {

    static final Caller ANONYMOUS = new Caller(null, List.of());

    Caller {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    boolean signedIn() {
        return id != null;
    }

    boolean admin() {
        return signedIn() && groups.contains(Groups.ADMIN);
    }

    /** Supervisors of any region and head of service: they may read in Cockpit. */
    boolean cockpitReader() {
        return signedIn()
                && (groups.contains(Groups.HEAD_OF_SERVICE) || groups.stream().anyMatch(group -> group.startsWith(Groups.SUPERVISORS_PREFIX)));
    }

}
