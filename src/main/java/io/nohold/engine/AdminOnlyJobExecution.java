package io.nohold.engine;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Only administrators execute a job by hand. The engine checks the caller's permission inside the job's own command,
 * and a refusal there counts as a failure of the job: it uses up a retry and moves the timer to a minute from now. So
 * a rep who learned the id of another region's SLA timer could fire it early or wear it out with refused calls. The
 * caller is checked here, before the engine's command, through every door (both REST surfaces and the Java API), and a
 * refused call changes nothing. The job executor and the application itself (nobody signed in) are not affected.
 */
@Component
class AdminOnlyJobExecution extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getManagementService().getClass() != ManagementServiceImpl.class) {
            throw new IllegalStateException("another plugin replaced the engine's management service");
        }
        configuration.setManagementService(new ManagementServiceImpl(configuration) {

            @Override
            public void executeJob(String jobId) {
                refuseUnlessAdmin(configuration);
                super.executeJob(jobId);
            }

        });
    }

    private static void refuseUnlessAdmin(ProcessEngineConfigurationImpl configuration) {
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        if (caller == null) {
            return;
        }
        List<String> groups = caller.getGroupIds();
        if (groups == null || !groups.contains(Groups.CAMUNDA_ADMIN)) {
            throw new AuthorizationException("only administrators may execute a job");
        }
    }

}
