package io.nohold.desk;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;

import io.nohold.security.Groups;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations, granted idempotently on every start. Tasks themselves need no grant here: the engine
 * gives the assignee and the candidate groups of a task their permissions on it, so a rep sees the tasks assigned to
 * them and those offered to their region's team, and supervisors their region's escalations and approvals. Head of
 * service sees every task; admins everything.
 */
@Component
public class TasklistAuthorizations {

    private final AuthorizationService authorizations;

    private final RegionDirectory directory;

    TasklistAuthorizations(AuthorizationService authorizations, RegionDirectory directory) {
        this.authorizations = authorizations;
        this.directory = directory;
    }

    public void ensure(Map<String, String> filterIds) {
        for (Resource resource : Resources.values()) {
            grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
        }
        for (Region region : directory.regions()) {
            String reps = Groups.reps(region.id());
            String supervisors = Groups.supervisors(region.id());
            desk(reps);
            desk(supervisors);
            grant(supervisors, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(supervisors, Resources.PROCESS_DEFINITION, SupervisorEscalationProcess.KEY, ProcessDefinitionPermissions.READ);
            filterIds.forEach((name, id) -> {
                if (!TasklistFilters.ESCALATIONS.equals(name)) {
                    grant(reps, Resources.FILTER, id, Permissions.READ);
                }
                grant(supervisors, Resources.FILTER, id, Permissions.READ);
            });
        }
        String head = Groups.HEAD_OF_SERVICE;
        desk(head);
        grant(head, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(head, Resources.TASK, ANY, Permissions.ALL);
        grant(head, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);
        grant(head, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(head, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant(head, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        filterIds.values().forEach(id -> grant(head, Resources.FILTER, id, Permissions.READ));
    }

    /** What every desk needs: the Tasklist, the names of colleagues, and the lifecycle's definition for its forms. */
    private void desk(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.USER, ANY, Permissions.READ);
        grant(group, Resources.GROUP, ANY, Permissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, ContactLifecycleProcess.KEY, ProcessDefinitionPermissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }

}
