package io.nohold.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Removes a query from every authenticated engine command whose cost grows with the number of open tasks.
 * <p>
 * Before checking authorizations, Camunda narrows the caller's groups to those that have any authorization at all,
 * and to know those it runs {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} once per command. Every
 * task a rep holds has its own authorization row, so with 100,000 open cases that statement reads some 140,000 index
 * entries: 15–20 ms on PostgreSQL for each Tasklist or engine REST call, before any real work.
 * <p>
 * Narrowing only shortens the {@code GROUP_ID_ IN (...)} list of the checks: a group without authorizations matches
 * no row. NoHold's users belong to one or two groups, so this manager keeps them all and skips the query. It is
 * installed through the engine's session factories, the extension point for its persistence managers.
 */
@Component
public class AuthorizedGroupsWithoutScan extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new AllGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    static final class AllGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }

    }

}
