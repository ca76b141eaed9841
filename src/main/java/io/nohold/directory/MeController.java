package io.nohold.directory;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import io.nohold.engine.EngineClock;
import io.nohold.security.ApiUser;
import io.nohold.security.Groups;
import io.nohold.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, and their own status. For people only (never a channel), through HTTP Basic or from a page signed
 * in to the Camunda webapps (their session and CSRF token, see docs/security.md). The caller is always the signed-in
 * person: no id in the path or body, so nobody sets another's status here.
 */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final RegionDirectory directory;

    private final RepAvailability availability;

    private final People people;

    MeController(RegionDirectory directory, RepAvailability availability, People people) {
        this.directory = directory;
        this.availability = availability;
        this.people = people;
    }

    /**
     * The signed-in person: {@code role} REP or SUPERVISOR for people of the directory (with their region and status),
     * else HEAD_OF_SERVICE, ADMIN or OTHER (no region, no status). {@code awayUntil}: when an AWAY person is back
     * (null: not away, or no time given). {@code administrator}: may manage the directory. {@code now}: NoHold's clock,
     * from which a page computes a return time ("away for an hour").
     */
    record Me(String id, String name, String role, String region, String regionName, RepStatus status, Instant awayUntil,
            boolean administrator, Instant now) {
    }

    @GetMapping
    Me me() {
        ApiUser user = caller();
        boolean administrator = user.memberOf(Groups.ADMIN);
        return directory.findEntry(user.id()).filter(DirectoryEntry::active).map(entry -> new Me(entry.id(), entry.name(),
                entry.role().name(), entry.regionId(), directory.region(entry.regionId()).name(), entry.status(),
                directory.awayUntil(entry.id()).orElse(null), administrator, EngineClock.now()))
            .orElseGet(() -> new Me(user.id(), people.nameOf(user.id()),
                    administrator ? "ADMIN" : user.memberOf(Groups.HEAD_OF_SERVICE) ? "HEAD_OF_SERVICE" : "OTHER", null,
                    null, null, null, administrator, EngineClock.now()));
    }

    /** {@code {"status": "AWAY", "until": "2027-03-03T14:00:00+01:00"}}; see {@link StatusChange}. */
    @PutMapping("/status")
    Me setStatus(@RequestBody @Valid StatusChange body) {
        ApiUser user = caller();
        if (directory.findEntry(user.id()).filter(DirectoryEntry::active).isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "forbidden: only reps and supervisors of the directory have a status", List.of());
        }
        availability.change(user.id(), body.status(), body.returnsAt());
        return me();
    }

    private static ApiUser caller() {
        return ApiUser.current()
            .filter(user -> !user.isChannel())
            .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, "forbidden: for people only", List.of()));
    }

}
