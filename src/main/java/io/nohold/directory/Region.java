package io.nohold.directory;

import io.nohold.security.Groups;

/** A service region: its reps, their backup order, and the supervisors of {@link #supervisorGroup()}. */
public record Region(String id, String name) {

    public String repGroup() {
        return Groups.reps(id);
    }

    public String supervisorGroup() {
        return Groups.supervisors(id);
    }

}
