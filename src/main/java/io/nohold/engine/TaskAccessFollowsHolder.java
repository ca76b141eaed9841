package io.nohold.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Access to a task follows whoever holds it. The engine gives a task's assignee and candidate groups their grant on
 * the task when they get it, and keeps the grant when they lose it: a rep whose contact went to a backup could still
 * read, claim, comment on and complete it. Here the grants of the previous assignee, and of a candidate group or user
 * that is removed from the task, are deleted in the same command that moves the task, through every door (the rings'
 * delegates, the REST APIs, the Java API). Only GRANT rows are touched: NoHold never writes REVOKE rows
 * ({@code authorization-check-revokes: never}).
 * <p>
 * A previous assignee who still has another tie to the task (its owner, a candidate user) keeps the grant. A grant
 * a member has through their group (e.g. the team's candidate group) is the group's, not theirs, and stays while the
 * group is a candidate.
 */
@Component
class TaskAccessFollowsHolder extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getResourceAuthorizationProvider() != null) {
            throw new IllegalStateException("another plugin set the engine's resource authorization provider");
        }
        configuration.setResourceAuthorizationProvider(new Provider());
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, CANCELLED);
            }

        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /**
     * A task that ends without being completed (its case was escalated, its process ended by an administrator) leaves
     * the history of nobody who held it: the engine deletes the runtime grants with the task, and this the historic
     * ones. Those who see all history of the process (supervisors in Cockpit, head of service, admins) still do.
     */
    private static final TaskListener CANCELLED = task -> Context.getCommandContext()
        .getAuthorizationManager()
        .deleteAuthorizationsByResourceId(Resources.HISTORIC_TASK, task.getId());

    static final class Provider extends DefaultAuthorizationProvider {

        private static final Resource[] TASK_RESOURCES = { Resources.TASK, Resources.HISTORIC_TASK };

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !stillTiedTo(task, oldAssignee)) {
                delete(grants(task.getId(), oldAssignee, null));
            }
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            if (oldOwner != null && !oldOwner.equals(newOwner) && !Objects.equals(task.getAssignee(), oldOwner)
                    && !candidateUser(task, oldOwner)) {
                delete(grants(task.getId(), oldOwner, null));
            }
            return super.newTaskOwner(task, oldOwner, newOwner);
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            if (IdentityLinkType.CANDIDATE.equals(type) && !Objects.equals(task.getAssignee(), userId)
                    && !Objects.equals(task.getOwner(), userId)) {
                return grants(task.getId(), userId, null);
            }
            return null;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return grants(task.getId(), null, groupId);
        }

        /** The owner or a candidate user keeps their grant when they stop being the assignee. */
        private static boolean stillTiedTo(Task task, String userId) {
            return userId.equals(task.getOwner()) || candidateUser(task, userId);
        }

        private static boolean candidateUser(Task task, String userId) {
            if (!(task instanceof TaskEntity entity)) {
                return false;
            }
            for (IdentityLinkEntity link : entity.getIdentityLinks()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId())) {
                    return true;
                }
            }
            return false;
        }

        private AuthorizationEntity[] grants(String taskId, String userId, String groupId) {
            List<AuthorizationEntity> found = new ArrayList<>();
            for (Resource resource : TASK_RESOURCES) {
                AuthorizationEntity grant = getGrantAuthorization(taskId, userId, groupId, resource);
                if (grant != null) {
                    found.add(grant);
                }
            }
            return found.toArray(new AuthorizationEntity[0]);
        }

        private static void delete(AuthorizationEntity[] grants) {
            Context.getCommandContext().getTaskManager().deleteDefaultAuthorizations(grants);
        }

    }

}
