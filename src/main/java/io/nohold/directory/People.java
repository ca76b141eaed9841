package io.nohold.directory;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** How a person is named to others: a rep by their directory name, anyone else (a supervisor) by their Camunda user. */
@Component
public class People {

    private final RegionDirectory directory;

    private final IdentityService identity;

    People(RegionDirectory directory, IdentityService identity) {
        this.directory = directory;
        this.identity = identity;
    }

    /** The person's full name; their id when nobody of that id is known; "" for no one. */
    public String nameOf(String userId) {
        if (userId == null) {
            return "";
        }
        return directory.findRep(userId).map(Rep::name).orElseGet(() -> Optional
            .ofNullable(identity.createUserQuery().userId(userId).singleResult())
            .map(People::fullName)
            .orElse(userId));
    }

    private static String fullName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }

}
