package io.nohold.directory;

import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
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
 * Brings the Camunda identity in step with the directory of reps on every start: each region has its groups
 * {@code reps-<region>} and {@code supervisors-<region>}; each rep is a user and a member of exactly their region's
 * reps group; members that the directory no longer lists there are removed. Running it again changes nothing.
 */
@Component
@Order(10)
public class DirectorySync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final RegionDirectory directory;

    private final IdentityService identity;

    private final TransactionTemplate transactions;

    DirectorySync(RegionDirectory directory, IdentityService identity, TransactionTemplate transactions) {
        this.directory = directory;
        this.identity = identity;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> sync());
    }

    public void sync() {
        for (Region region : directory.regions()) {
            group(Groups.reps(region.id()), region.name() + " reps");
            group(Groups.supervisors(region.id()), region.name() + " supervisors");
            List<Rep> reps = directory.repsOf(region.id());
            Set<String> listed = reps.stream().map(Rep::id).collect(Collectors.toSet());
            for (Rep rep : reps) {
                if (identity.createUserQuery().userId(rep.id()).count() == 0) {
                    User user = identity.newUser(rep.id());
                    int space = rep.name().indexOf(' ');
                    user.setFirstName(space < 0 ? rep.name() : rep.name().substring(0, space));
                    user.setLastName(space < 0 ? "" : rep.name().substring(space + 1));
                    identity.saveUser(user);
                    log.warn("rep {} had no Camunda user; created one without a password: set it in Admin", rep.id());
                }
                if (identity.createUserQuery().userId(rep.id()).memberOfGroup(Groups.reps(region.id())).count() == 0) {
                    identity.createMembership(rep.id(), Groups.reps(region.id()));
                }
            }
            for (User member : identity.createUserQuery().memberOfGroup(Groups.reps(region.id())).list()) {
                if (!listed.contains(member.getId())) {
                    identity.deleteMembership(member.getId(), Groups.reps(region.id()));
                    log.info("{} is no longer a rep of {}: removed from {}", member.getId(), region.name(), Groups.reps(region.id()));
                }
            }
        }
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
