package io.nohold.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Channels used to be Camunda users in group {@code channels}, with a password anyone could lock out and a sign-in to
 * the engine. Channels now authenticate with API keys only, so on start those users and the group are removed (an
 * administrator could not: the identity guard protects NoHold's groups). Register the channel and issue it a key
 * through {@code /api/channels} (docs/security.md).
 */
@Component
class LegacyChannelUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyChannelUsers.class);

    private final IdentityService identity;

    LegacyChannelUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (User user : identity.createUserQuery().memberOfGroup(Groups.CHANNELS).list()) {
            try {
                identity.deleteUser(user.getId());
                log.warn("removed the Camunda user {} of group {}: channels sign in with API keys now; issue it one "
                        + "through /api/channels", user.getId(), Groups.CHANNELS);
            }
            catch (RuntimeException e) {
                // another node removed it at the same moment
                log.debug("user {} not removed here", user.getId(), e);
            }
        }
        if (identity.createGroupQuery().groupId(Groups.CHANNELS).count() > 0) {
            try {
                identity.deleteGroup(Groups.CHANNELS);
            }
            catch (RuntimeException e) {
                log.debug("group {} not removed here", Groups.CHANNELS, e);
            }
        }
    }

}
