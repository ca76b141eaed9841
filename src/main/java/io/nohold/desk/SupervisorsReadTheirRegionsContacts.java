package io.nohold.desk;

import java.util.Optional;
import java.util.Set;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.CaseOf;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.security.Groups;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * A region's supervisors may open each contact of their region in the Tasklist, as the board links them to it: a new
 * "Reach customer" or "Resolve contact" task grants READ to {@code supervisors-<region>}, on that task only (never
 * another region's; working on it stays with its holder or the team). The engine deletes the grant with the task. An
 * engine with authorization checks off gets no grant: it would never read it, nor delete it with the task.
 * Registered for every user task by {@link TaskPresentationPlugin}.
 */
@Component
class SupervisorsReadTheirRegionsContacts implements TaskListener {

    private static final Set<String> CONTACT_TASKS = Set.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER,
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT);

    private final CaseFile caseFile;

    SupervisorsReadTheirRegionsContacts(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateTask task) {
        CommandContext context = Context.getCommandContext();
        // an engine that checks no authorizations (the simulator's) would neither read the grant nor delete it
        if (!CONTACT_TASKS.contains(task.getTaskDefinitionKey())
                || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return;
        }
        Optional<String> caseNumber = CaseOf.ofTask(task.getExecution(), ContactLifecycleProcess.KEY);
        String regionId = caseNumber.map(number -> caseFile.get(number).regionId()).orElse(null);
        if (regionId == null) {
            return;
        }
        AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Groups.supervisors(regionId));
        grant.setResource(Resources.TASK);
        grant.setResourceId(task.getId());
        grant.addPermission(Permissions.READ);
        // as the engine stores the grants of an assignee: not a change the person completing the previous task makes
        context.runWithoutAuthorization(() -> {
            context.getAuthorizationManager().insert(grant);
            return null;
        });
    }

}
