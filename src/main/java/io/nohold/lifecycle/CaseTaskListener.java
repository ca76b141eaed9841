package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.util.Map;
import java.util.Set;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.Channel;
import io.nohold.security.Groups;
import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import io.nohold.metrics.BusinessMetrics;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tells the case file what happens to the lifecycle's tasks: a handler task without a named assignee is offered to
 * the region's team; whoever takes a handler task becomes the case's handler; every completed task goes into the
 * case history with who did it, the outcome and the notes. What the handler wrote in "Reply to the customer" is sent
 * to the customer and kept in the history, and leaves the process instance, so that the next task starts without it.
 */
@Component
class CaseTaskListener implements TaskListener {

    private static final Set<String> HANDLER_TASKS = Set.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER,
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT);

    /** Per task: the form field holding its outcome, and the one holding its notes. */
    private static final Map<String, String[]> RESULTS = Map.of(
            ContactLifecycleProcess.Elements.REACH_CUSTOMER, new String[] { null, REACH_NOTES },
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT, new String[] { OUTCOME, NOTES },
            ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION, new String[] { APPROVAL_DECISION, SUPERVISOR_GUIDANCE });

    private final CaseFile caseFile;

    private final IdentityService identity;

    private final BusinessMetrics metrics;

    CaseTaskListener(CaseFile caseFile, IdentityService identity, BusinessMetrics metrics) {
        this.caseFile = caseFile;
        this.identity = identity;
        this.metrics = metrics;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_ASSIGNMENT -> assigned(task);
            case EVENTNAME_COMPLETE -> completed(task);
            default -> {
            }
        }
    }

    private void created(DelegateTask task) {
        if (HANDLER_TASKS.contains(task.getTaskDefinitionKey()) && task.getAssignee() == null) {
            task.addCandidateGroup(Groups.reps(caseFile.get(CaseOf.number(task)).regionId()));
        }
    }

    /**
     * Taken: the taker holds the case, and the team's offer ends (the team loses its grant on the task, so colleagues
     * who did not take it can no longer complete it). Given back (unclaimed): the region's team is offered it, nobody
     * holds it. Whoever held it before loses their own grant on it ({@code engine.TaskAccessFollowsHolder}); as a
     * member of the team they see a task offered to the team like everyone of the team.
     */
    private void assigned(DelegateTask task) {
        if (!HANDLER_TASKS.contains(task.getTaskDefinitionKey())) {
            return;
        }
        String caseNumber = CaseOf.number(task);
        caseFile.assignHandler(caseNumber, task.getAssignee());
        String team = Groups.reps(caseFile.get(caseNumber).regionId());
        if (task.getAssignee() == null) {
            task.addCandidateGroup(team);
        }
        else if (task.getCandidates().stream().anyMatch(link -> team.equals(link.getGroupId()))) {
            task.deleteCandidateGroup(team);
        }
    }

    private void completed(DelegateTask task) {
        String actor = task.getAssignee();
        if (actor == null && identity.getCurrentAuthentication() != null) {
            actor = identity.getCurrentAuthentication().getUserId();
        }
        String[] result = RESULTS.getOrDefault(task.getTaskDefinitionKey(), new String[] { null, null });
        String outcome = result[0] == null ? "DONE" : Vars.string(task, result[0]);
        String notes = result[1] == null ? null : Vars.string(task, result[1]);
        String caseNumber = CaseOf.number(task);
        String taskName = task.getBpmnModelElementInstance().getName();
        caseFile.taskCompleted(caseNumber, taskName, actor, outcome, notes);
        if (ContactLifecycleProcess.Elements.REACH_CUSTOMER.equals(task.getTaskDefinitionKey())) {
            metrics.customerReached(caseFile.customerReached(caseNumber, actor,
                    Channel.parse(Vars.string(task, CHANNEL)).orElse(null)));
        }
        if (HANDLER_TASKS.contains(task.getTaskDefinitionKey())) {
            caseFile.repliedToCustomer(caseNumber, taskName, actor, Channel.parse(Vars.string(task, CHANNEL)).orElse(null),
                    Vars.string(task, REPLY_TO_CUSTOMER));
            task.getExecution().removeVariable(REPLY_TO_CUSTOMER);
        }
        task.getExecution().setVariable(LAST_COMPLETED_BY, actor);
    }

}
