package io.nohold.directory;

import io.nohold.security.Groups;

/** What a person of the directory does: works contacts on the rings, or supervises a region. */
public enum Role {

    REP, SUPERVISOR;

    /** The Camunda group this role of a region is a member of. */
    public String group(String regionId) {
        return this == REP ? Groups.reps(regionId) : Groups.supervisors(regionId);
    }

}
