package io.nohold.directory;

import java.time.Instant;

/**
 * A person of NoHold's directory as an administrator sees them: a rep (with their place in the region's backup order)
 * or a supervisor. {@code removedAt} is set when they left; the row stays because cases and customers name them.
 */
public record DirectoryEntry(String id, String name, String email, String regionId, Role role, int backupRank,
        RepStatus status, Instant removedAt) {

    public boolean active() {
        return removedAt == null;
    }

}
