package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.CHANNEL;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import io.nohold.casefile.Channel;
import io.nohold.directory.HandlerRings;
import io.nohold.engine.CaseOf;
import io.nohold.engine.EngineClock;
import io.nohold.engine.Vars;
import io.nohold.sla.SlaClock;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The first-response deadline passed: the promise is broken. "Reach customer" is offered to the region's whole team,
 * and the region's supervisors are told. The customer is told sorry and given a new promise: the policy's first
 * response counted again by the SLA clock from now (from the first moment someone of the region can answer), which
 * becomes the case's promise and the task's due date.
 */
@Component
class OfferToRegionTeamDelegate implements JavaDelegate {

    private final OpenHandlerTask openTask;

    private final TaskService tasks;

    private final CaseFile caseFile;

    private final SlaClock clock;

    private final HandlerRings rings;

    OfferToRegionTeamDelegate(OpenHandlerTask openTask, TaskService tasks, CaseFile caseFile, SlaClock clock,
            HandlerRings rings) {
        this.openTask = openTask;
        this.tasks = tasks;
        this.caseFile = caseFile;
        this.clock = clock;
        this.rings = rings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Task> task = openTask.of(execution.getProcessInstanceId(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);
        if (task.isEmpty()) {
            return;
        }
        CaseRecord record = caseFile.get(CaseOf.number(execution));
        String previous = task.get().getAssignee();
        Instant now = EngineClock.now();
        Instant start = record.regionId() == null ? now : rings.firstMomentSomeoneCanAnswer(record.regionId(), now).orElse(now);
        Instant renewed = clock.promise(record.regionId(), now, start, SlaPolicies.of(record, execution)).promisedBy();
        caseFile.promiseBroken(record.caseNumber(), previous, Channel.valueOf(Vars.required(execution, CHANNEL)), renewed);
        Task reach = task.get();
        reach.setDueDate(Date.from(renewed));
        tasks.saveTask(reach);
        if (previous != null) {
            // the task listener offers a task that is given back to the region's team (CaseTaskListener#assigned)
            tasks.setAssignee(task.get().getId(), null);
        }
    }

}
