package io.nohold.directory;

import io.nohold.security.Groups;
import java.util.List;

import io.nohold.engine.EngineClock;
import io.nohold.web.ApiException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds people to and removes them from NoHold's directory, and their Camunda user with them, in one transaction: the
 * directory is written first, so {@link DirectorySync} on the next start finds exactly what the administrator did.
 */
@Service
public class RepService {

    private final RegionDirectory directory;

    private final IdentityService identity;

    private final AuthorizationService authorizations;

    private final ApplicationEventPublisher events;

    private final DirectoryAudit audit;

    RepService(RegionDirectory directory, IdentityService identity, AuthorizationService authorizations,
            ApplicationEventPublisher events, DirectoryAudit audit) {
        this.audit = audit;
        this.directory = directory;
        this.identity = identity;
        this.authorizations = authorizations;
        this.events = events;
    }

    /** A new person: directory row, Camunda user (with a password if one is given) and their region's group. */
    @Transactional
    public DirectoryEntry add(NewPerson person) {
        if (directory.findEntry(person.id()).filter(entry -> !entry.active()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT,
                    "'" + person.id() + "' was removed from the directory; ids are not reused, since cases name them", List.of());
        }
        if (directory.findEntry(person.id()).isPresent() || identity.createUserQuery().userId(person.id()).count() > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "there is already a user '" + person.id() + "'", List.of());
        }
        int rank = person.role() == Role.REP
                ? (person.backupRank() == null ? directory.nextBackupRank(person.regionId()) : person.backupRank()) : 0;
        DirectoryEntry entry = new DirectoryEntry(person.id(), person.firstName() + " " + person.lastName(), person.email(),
                person.regionId(), person.role(), rank, RepStatus.AVAILABLE, null);
        directory.insert(entry);
        User user = identity.newUser(person.id());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        if (person.password() != null) {
            user.setPassword(person.password());
        }
        identity.saveUser(user);
        String group = person.role().group(person.regionId());
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            // a region added since the last start has no groups yet
            Region region = directory.region(person.regionId());
            Group created = identity.newGroup(group);
            created.setName(region.name() + (person.role() == Role.REP ? " reps" : " supervisors"));
            created.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(created);
        }
        identity.createMembership(person.id(), group);
        limitSelfGrant(person.id());
        audit.record("PERSON_ADDED", "rep " + person.id(), person.role() + " of region " + person.regionId()
                + (person.role() == Role.REP ? ", backup rank " + rank : ""));
        return entry;
    }

    /**
     * Someone leaves: their row stays (marked removed, so the rings and the personal-rep choice skip them), their open
     * tasks are handed on ({@link RepRemoved}), and their Camunda user is deleted with every grant it had, so they can
     * no longer sign in and a user created later under the same id inherits nothing.
     */
    @Transactional
    public void remove(String id) {
        DirectoryEntry entry = directory.findEntry(id)
            .filter(DirectoryEntry::active)
            .orElseThrow(() -> ApiException.notFound("person in the directory", id));
        directory.markRemoved(id, EngineClock.now());
        audit.record("PERSON_REMOVED", "rep " + id, entry.role() + " of region " + entry.regionId());
        events.publishEvent(new RepRemoved(id, entry.regionId(), entry.role()));
        if (identity.createUserQuery().userId(id).count() > 0) {
            identity.deleteUser(id);
        }
        authorizations.createAuthorizationQuery().userIdIn(id).list()
            .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    /**
     * The engine gives every new user ALL on their own user, so anyone could delete themselves. A person of NoHold
     * keeps READ and UPDATE (their profile page and own password); deleting is NoHold's ({@code DELETE /api/reps}).
     * The grant is narrowed, not revoked: NoHold writes no REVOKE rows.
     */
    void limitSelfGrant(String userId) {
        Authorization own = authorizations.createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .userIdIn(userId)
            .resourceType(Resources.USER)
            .resourceId(userId)
            .singleResult();
        Permission[] wanted = { Permissions.READ, Permissions.UPDATE };
        if (own == null) {
            own = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            own.setUserId(userId);
            own.setResource(Resources.USER);
            own.setResourceId(userId);
        }
        else if (!own.isPermissionGranted(Permissions.DELETE) && own.isPermissionGranted(Permissions.READ)
                && own.isPermissionGranted(Permissions.UPDATE)) {
            return;
        }
        own.setPermissions(wanted);
        authorizations.saveAuthorization(own);
    }

    /** What an administrator gives for a new person; checked by {@link RepController}. */
    public record NewPerson(String id, String firstName, String lastName, String email, String regionId, Role role,
            String password, Integer backupRank) {
    }

}
