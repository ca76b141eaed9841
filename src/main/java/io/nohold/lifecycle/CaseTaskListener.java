package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.util.Map;
import java.util.Set;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.contact.Channel;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.region.RegionDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the case in step with its tasks: a handler task without a named assignee is offered to the region's team;
 * whoever takes a handler task becomes the case's handler; every completed task goes into the case history with who
 * did it, the outcome and the notes.
 */
@Component
class CaseTaskListener implements TaskListener {

    private static final Set<String> HANDLER_TASKS = Set.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER,
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT);

    /** Per task: the variable holding its outcome, and the one holding its notes. */
    private static final Map<String, String[]> RESULTS = Map.of(
            ContactLifecycleProcess.Elements.REACH_CUSTOMER, new String[] { null, REACH_NOTES },
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT, new String[] { OUTCOME, NOTES },
            ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION, new String[] { APPROVAL_DECISION, SUPERVISOR_GUIDANCE },
            SupervisorEscalationProcess.Elements.HANDLE_ESCALATION,
            new String[] { SupervisorEscalationProcess.Variables.ESCALATION_RESULT, SUPERVISOR_GUIDANCE });

    private final CaseRepository cases;

    private final CaseHistory history;

    private final RegionDirectory directory;

    private final CaseDisplay display;

    private final IdentityService identity;

    CaseTaskListener(CaseRepository cases, CaseHistory history, RegionDirectory directory, CaseDisplay display,
            IdentityService identity) {
        this.cases = cases;
        this.history = history;
        this.directory = directory;
        this.display = display;
        this.identity = identity;
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
        task.setPriority(priority(task));
        task.setName(TaskNames.of(task));
        if (HANDLER_TASKS.contains(task.getTaskDefinitionKey()) && task.getAssignee() == null) {
            task.addCandidateGroup(directory.region(Vars.required(task, REGION_ID)).repGroup());
        }
        display.refresh(task.getExecution());
    }

    private void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (HANDLER_TASKS.contains(task.getTaskDefinitionKey()) && assignee != null) {
            task.getExecution().setVariable(HANDLER_ID, assignee);
            cases.setHandler(Vars.required(task, CASE_NUMBER), assignee);
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
        history.record(Vars.required(task, CASE_NUMBER), Category.TASK, task.getBpmnModelElementInstance().getName(), actor,
                outcome, notes);
        task.getExecution().setVariable(LAST_COMPLETED_BY, actor);
    }

    /** Urgent first: a public post before a call before a chat before mail; escalations above all. */
    private static int priority(DelegateTask task) {
        if (SupervisorEscalationProcess.Elements.HANDLE_ESCALATION.equals(task.getTaskDefinitionKey())
                || ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION.equals(task.getTaskDefinitionKey())) {
            return 90;
        }
        String channel = Vars.string(task, CHANNEL);
        if (channel == null) {
            return 50;
        }
        return switch (Channel.valueOf(channel)) {
            case SOCIAL -> Vars.flag(task, PUBLIC_POST) ? 80 : 40;
            case PHONE -> 70;
            case CHAT -> 60;
            case EMAIL, WEB -> 40;
        };
    }

}
