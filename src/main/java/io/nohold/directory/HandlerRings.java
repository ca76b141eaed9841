package io.nohold.directory;

import io.nohold.security.Groups;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Who holds a contact: the own rep when available, else the region's named backups in order. The relationship
 * always stays with the own rep; a backup only holds the contact.
 */
@Service
public class HandlerRings {

    private final RegionDirectory directory;

    private final IdentityService identity;

    HandlerRings(RegionDirectory directory, IdentityService identity) {
        this.directory = directory;
        this.identity = identity;
    }

    /**
     * The reps of a region who may hold contacts, in backup order: listed in the directory and not removed, and a
     * Camunda user in the region's reps group. Someone whose user was deleted or who is not in the group could not
     * see the task, so they are skipped like a rep who is off.
     */
    public List<Rep> eligibleReps(String regionId) {
        Set<String> members = identity.createUserQuery()
            .memberOfGroup(Groups.reps(regionId))
            .list()
            .stream()
            .map(User::getId)
            .collect(Collectors.toSet());
        return directory.repsOf(regionId).stream().filter(rep -> members.contains(rep.id())).toList();
    }

    /**
     * The first handler for a contact: the own rep if available, else the previous handler of this case if
     * available (a reopened case goes back to the same person), else the first available backup.
     */
    public Optional<Rep> firstHandler(String regionId, String personalRepId, String previousHandlerId) {
        return new Ring(eligibleReps(regionId)).firstHandler(personalRepId, previousHandlerId);
    }

    /**
     * The next available backup after {@code currentHandlerId} in the region's backup order, never the own rep or
     * the current handler. Empty when the ring is exhausted.
     */
    public Optional<Rep> nextBackup(String regionId, String personalRepId, String currentHandlerId) {
        return new Ring(eligibleReps(regionId)).nextBackup(personalRepId, currentHandlerId);
    }

    /** The rule itself, over a region's reps in backup order. */
    record Ring(List<Rep> order) {

        Optional<Rep> firstHandler(String personalRepId, String previousHandlerId) {
            Optional<Rep> own = find(personalRepId).filter(Rep::available);
            if (own.isPresent()) {
                return own;
            }
            Optional<Rep> previous = find(previousHandlerId).filter(Rep::available);
            if (previous.isPresent()) {
                return previous;
            }
            return nextBackup(personalRepId, null);
        }

        Optional<Rep> nextBackup(String personalRepId, String currentHandlerId) {
            int start = 0;
            for (int i = 0; i < order.size(); i++) {
                Rep rep = order.get(i);
                if (rep.id().equals(currentHandlerId) && !rep.id().equals(personalRepId)) {
                    start = i + 1;
                }
            }
            return order.subList(start, order.size())
                .stream()
                .filter(Rep::available)
                .filter(rep -> !rep.id().equals(personalRepId) && !rep.id().equals(currentHandlerId))
                .findFirst();
        }

        private Optional<Rep> find(String id) {
            return id == null ? Optional.empty() : order.stream().filter(rep -> rep.id().equals(id)).findFirst();
        }

    }

}
