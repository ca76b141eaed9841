package io.nohold.lifecycle;

import java.util.Optional;
import java.util.Set;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.directory.HandlerRings;
import io.nohold.directory.Rep;
import io.nohold.directory.RepRemoved;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Someone left the directory: every open task they held moves on in the administrator's transaction. A contact goes
 * to the next available named backup of the region (the customer's personal rep first, if that is not who left), else
 * it is offered to the team; any other task (an escalation or approval a supervisor took) goes back to its candidate
 * group. The customers of a rep who left keep them as personal rep on record; the rings skip them from now on.
 */
@Component
class HandOnWhenHolderLeaves {

    private static final Set<String> HANDLER_TASKS = Set.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER,
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT);

    private final TaskService tasks;

    private final RepositoryService repository;

    private final RuntimeService runtime;

    private final HandlerRings rings;

    private final CaseFile caseFile;

    HandOnWhenHolderLeaves(TaskService tasks, RepositoryService repository, RuntimeService runtime, HandlerRings rings,
            CaseFile caseFile) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.rings = rings;
        this.caseFile = caseFile;
    }

    @EventListener
    void left(RepRemoved removed) {
        for (Task task : tasks.createTaskQuery().taskAssignee(removed.id()).list()) {
            if (HANDLER_TASKS.contains(task.getTaskDefinitionKey()) && isLifecycle(task)) {
                handOn(task, removed.id());
            }
            else {
                tasks.setAssignee(task.getId(), null);
            }
        }
    }

    private void handOn(Task task, String leaver) {
        // the handler's tasks are in the lifecycle instance itself, whose business key is the case number
        String caseNumber = runtime.createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult()
            .getBusinessKey();
        CaseRecord record = caseFile.get(caseNumber);
        Optional<Rep> next = rings.firstHandler(record.regionId(), record.personalRepId(), null)
            .filter(rep -> !rep.id().equals(leaver));
        caseFile.holderLeft(caseNumber, leaver, next.orElse(null));
        // the task listener makes the new holder the case's handler, or offers the task to the team (CaseTaskListener)
        tasks.setAssignee(task.getId(), next.map(Rep::id).orElse(null));
    }

    private boolean isLifecycle(Task task) {
        return ContactLifecycleProcess.KEY.equals(
                repository.getProcessDefinition(task.getProcessDefinitionId()).getKey());
    }

}
