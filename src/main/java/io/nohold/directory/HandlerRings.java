package io.nohold.directory;

import io.nohold.security.Groups;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.engine.EngineClock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Who holds a contact: the own rep when available and on shift, else the region's named backups in order who are
 * available and on shift. The relationship always stays with the own rep; a backup only holds the contact.
 */
@Service
public class HandlerRings {

    private final RegionDirectory directory;

    private final IdentityService identity;

    private final RepSchedules schedules;

    HandlerRings(RegionDirectory directory, IdentityService identity, RepSchedules schedules) {
        this.directory = directory;
        this.identity = identity;
        this.schedules = schedules;
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

    /** {@link #firstHandler(String, String, String, Instant)} now. */
    public Optional<Rep> firstHandler(String regionId, String personalRepId, String previousHandlerId) {
        return firstHandler(regionId, personalRepId, previousHandlerId, EngineClock.now());
    }

    /**
     * The first handler for a contact at a moment: the own rep if available and on shift, else the previous handler
     * of this case if so (a reopened case goes back to the same person), else the first such backup.
     */
    public Optional<Rep> firstHandler(String regionId, String personalRepId, String previousHandlerId, Instant at) {
        return ring(regionId, at).firstHandler(personalRepId, previousHandlerId);
    }

    /** {@link #nextBackup(String, String, String, Instant)} now. */
    public Optional<Rep> nextBackup(String regionId, String personalRepId, String currentHandlerId) {
        return nextBackup(regionId, personalRepId, currentHandlerId, EngineClock.now());
    }

    /**
     * The next backup after {@code currentHandlerId} in the region's backup order who is available and on shift at the
     * moment, never the own rep or the current handler. Empty when the ring is exhausted.
     */
    public Optional<Rep> nextBackup(String regionId, String personalRepId, String currentHandlerId, Instant at) {
        return ring(regionId, at).nextBackup(personalRepId, currentHandlerId);
    }

    /**
     * The earliest moment at or after {@code from} at which an eligible rep of the region who is AVAILABLE is on shift;
     * empty when nobody is within {@link RepSchedules#HORIZON}. One query for the region's shifts and absences.
     */
    public Optional<Instant> firstMomentSomeoneCanAnswer(String regionId, Instant from) {
        return region(regionId).firstMomentSomeoneCanAnswer(from);
    }

    /**
     * The region's eligible reps looked up once, for several questions in one step: a promise asks when someone can
     * first answer and then who holds the contact from that moment.
     */
    public Region region(String regionId) {
        return new Region(regionId, eligibleReps(regionId));
    }

    private Ring ring(String regionId, Instant at) {
        return region(regionId).ring(at);
    }

    /** A region's eligible reps, in backup order, as read once ({@link #region}). */
    public final class Region {

        private final String regionId;

        private final List<Rep> reps;

        private Region(String regionId, List<Rep> reps) {
            this.regionId = regionId;
            this.reps = reps;
        }

        /** {@link HandlerRings#firstMomentSomeoneCanAnswer(String, Instant)} for these reps. */
        public Optional<Instant> firstMomentSomeoneCanAnswer(Instant from) {
            List<Rep> available = reps.stream().filter(Rep::available).toList();
            if (available.isEmpty()) {
                return Optional.empty();
            }
            Map<String, BusinessCalendar> times = schedules.workingTimes(regionId, from);
            return available.stream()
                .map(rep -> workingTime(times, rep, from))
                .map(time -> time.nextOpening(from, RepSchedules.HORIZON))
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        }

        /** {@link HandlerRings#firstHandler(String, String, String, Instant)} for these reps. */
        public Optional<Rep> firstHandler(String personalRepId, String previousHandlerId, Instant at) {
            return ring(at).firstHandler(personalRepId, previousHandlerId);
        }

        private Ring ring(Instant at) {
            Map<String, BusinessCalendar> times = schedules.workingTimes(regionId, at);
            return new Ring(reps, rep -> workingTime(times, rep, at).isOpen(at));
        }

        /** The rep's working time among the region's, or read alone for a rep the region's schedules do not hold. */
        private BusinessCalendar workingTime(Map<String, BusinessCalendar> times, Rep rep, Instant at) {
            BusinessCalendar time = times.get(rep.id());
            return time != null ? time : schedules.workingTime(rep, at);
        }

    }

    /**
     * The rule itself, over a region's reps in backup order: a rep can hold a contact when available and
     * {@code onShift}.
     */
    record Ring(List<Rep> order, Predicate<Rep> onShift) {

        /** Everyone on shift: the rule by availability alone. */
        Ring(List<Rep> order) {
            this(order, rep -> true);
        }

        private boolean canHold(Rep rep) {
            return rep.available() && onShift.test(rep);
        }

        Optional<Rep> firstHandler(String personalRepId, String previousHandlerId) {
            Optional<Rep> own = find(personalRepId).filter(this::canHold);
            if (own.isPresent()) {
                return own;
            }
            Optional<Rep> previous = find(previousHandlerId).filter(this::canHold);
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
                .filter(this::canHold)
                .filter(rep -> !rep.id().equals(personalRepId) && !rep.id().equals(currentHandlerId))
                .findFirst();
        }

        private Optional<Rep> find(String id) {
            return id == null ? Optional.empty() : order.stream().filter(rep -> rep.id().equals(id)).findFirst();
        }

    }

}
