package io.nohold.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.directory.HandlerRings;
import io.nohold.directory.Rep;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The contacts a rep holds (their "Reach customer" and "Resolve contact" tasks), each with the deadline that matters
 * now, and handing one on to the next named backup on shift or to the region's team. Shared by the shift-end handover
 * and going AWAY, so both decide and record alike.
 */
@Component
class HeldContacts {

    private final HandlerRings rings;

    private final CaseFile caseFile;

    private final TaskService tasks;

    private final RuntimeService runtime;

    HeldContacts(HandlerRings rings, CaseFile caseFile, TaskService tasks, RuntimeService runtime) {
        this.rings = rings;
        this.caseFile = caseFile;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** One contact held: its task, its case, and its deadline (the promise before the customer is reached, then the resolution). */
    record Held(Task task, String caseNumber, CaseRecord record, Instant due) {
    }

    /** How the move is written in the case history: the case, who held it, who holds it now ({@code null}: the team). */
    interface Record {

        void moved(String caseNumber, String from, Rep to);

    }

    List<Held> of(String repId) {
        List<Task> held = tasks.createTaskQuery()
            .processDefinitionKey(ContactLifecycleProcess.KEY)
            .taskDefinitionKeyIn(ContactLifecycleProcess.Elements.REACH_CUSTOMER,
                    ContactLifecycleProcess.Elements.RESOLVE_CONTACT)
            .taskAssignee(repId)
            .list();
        if (held.isEmpty()) {
            return List.of();
        }
        // the handler's tasks are in the lifecycle instance itself, whose business key is the case number
        Map<String, String> caseNumbers = runtime.createProcessInstanceQuery()
            .processInstanceIds(held.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
            .list()
            .stream()
            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return held.stream().map(task -> {
            String caseNumber = caseNumbers.get(task.getProcessInstanceId());
            CaseRecord record = caseFile.get(caseNumber);
            Instant due = ContactLifecycleProcess.Elements.REACH_CUSTOMER.equals(task.getTaskDefinitionKey())
                    ? record.promisedBy() : record.resolutionDueAt();
            return new Held(task, caseNumber, record, due);
        }).toList();
    }

    /** To the next named backup after {@code from} who is available and on shift now, else offered to the team. */
    void handOn(Held held, String from, Instant now, Record record) {
        Optional<Rep> next = rings.nextBackup(held.record().regionId(), held.record().personalRepId(), from, now);
        record.moved(held.caseNumber(), from, next.orElse(null));
        // the task listener makes the new holder the case's handler, or offers the task to the team (CaseTaskListener)
        tasks.setAssignee(held.task().getId(), next.map(Rep::id).orElse(null));
    }

}
