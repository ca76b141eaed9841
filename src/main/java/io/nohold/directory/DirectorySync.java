package io.nohold.directory;

import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the Camunda identity in step with NoHold's directory on every start: each region has its groups
 * {@code reps-<region>} and {@code supervisors-<region>}; each rep is a user and a member of exactly their region's
 * reps group; members that the directory does not list there are removed. Supervisors found in a
 * {@code supervisors-<region>} group that the directory does not know yet are taken into the directory (NoHold takes
 * them over), never removed. Running it again changes nothing.
 * <p>
 * Administrators change the directory through {@code /api/reps}, which writes the directory first, so nothing they
 * did is undone here; the engine's identity API refuses changes to NoHold's people and groups ({@link IdentityGuard}).
 */
@Component
@Order(10)
public class DirectorySync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final RegionDirectory directory;

    private final IdentityService identity;

    private final TransactionTemplate transactions;

    private final RepService reps;

    DirectorySync(RegionDirectory directory, IdentityService identity, TransactionTemplate transactions, RepService reps) {
        this.directory = directory;
        this.identity = identity;
        this.transactions = transactions;
        this.reps = reps;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> sync());
    }

    public void sync() {
        for (Region region : directory.regions()) {
            group(Groups.reps(region.id()), region.name() + " reps");
            group(Groups.supervisors(region.id()), region.name() + " supervisors");
            List<Rep> listedReps = directory.repsOf(region.id());
            Set<String> listed = listedReps.stream().map(Rep::id).collect(Collectors.toSet());
            for (Rep rep : listedReps) {
                user(rep.id(), rep.name());
                if (identity.createUserQuery().userId(rep.id()).memberOfGroup(Groups.reps(region.id())).count() == 0) {
                    identity.createMembership(rep.id(), Groups.reps(region.id()));
                }
                reps.limitSelfGrant(rep.id());
            }
            for (User member : identity.createUserQuery().memberOfGroup(Groups.reps(region.id())).list()) {
                if (!listed.contains(member.getId())) {
                    identity.deleteMembership(member.getId(), Groups.reps(region.id()));
                    log.info("{} is no longer a rep of {}: removed from {}", member.getId(), region.name(), Groups.reps(region.id()));
                }
            }
            supervisors(region);
        }
    }

    private void supervisors(Region region) {
        String group = Groups.supervisors(region.id());
        for (User member : identity.createUserQuery().memberOfGroup(group).list()) {
            Optional<DirectoryEntry> known = directory.findEntry(member.getId());
            if (known.isEmpty()) {
                String name = (nullToEmpty(member.getFirstName()) + " " + nullToEmpty(member.getLastName())).trim();
                directory.insert(new DirectoryEntry(member.getId(), name.isEmpty() ? member.getId() : name, member.getEmail(),
                        region.id(), Role.SUPERVISOR, 0, RepStatus.AVAILABLE, null));
                log.info("supervisor {} of {} taken into NoHold's directory", member.getId(), region.name());
            }
            else if (!known.get().active()) {
                identity.deleteMembership(member.getId(), group);
                log.info("{} left the directory: removed from {}", member.getId(), group);
            }
        }
        for (DirectoryEntry supervisor : directory.supervisorsOf(region.id())) {
            user(supervisor.id(), supervisor.name());
            if (identity.createUserQuery().userId(supervisor.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(supervisor.id(), group);
            }
            reps.limitSelfGrant(supervisor.id());
        }
    }

    private void user(String id, String name) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            int space = name.indexOf(' ');
            user.setFirstName(space < 0 ? name : name.substring(0, space));
            user.setLastName(space < 0 ? "" : name.substring(space + 1));
            identity.saveUser(user);
            log.warn("{} had no Camunda user; created one without a password: set it in Admin", id);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

}
