package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.util.Optional;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.Region;
import io.nohold.region.RegionDirectory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The first-response deadline passed: the promise is broken. "Reach customer" is offered to the region's whole team,
 * and the region's supervisors are told.
 */
@Component
class OfferToRegionTeamDelegate implements JavaDelegate {

    private final OpenHandlerTask openTask;

    private final TaskService tasks;

    private final RegionDirectory directory;

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final CaseDisplay display;

    OfferToRegionTeamDelegate(OpenHandlerTask openTask, TaskService tasks, RegionDirectory directory, CaseRepository cases,
            CaseHistory history, NotificationOutbox outbox, CaseDisplay display) {
        this.openTask = openTask;
        this.tasks = tasks;
        this.directory = directory;
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        Region region = directory.region(Vars.required(execution, REGION_ID));
        Optional<Task> task = openTask.of(execution.getProcessInstanceId(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);
        if (task.isEmpty()) {
            return;
        }
        String previous = task.get().getAssignee();
        if (previous != null) {
            tasks.setAssignee(task.get().getId(), null);
            tasks.addCandidateGroup(task.get().getId(), region.repGroup());
            cases.setHandler(caseNumber, null);
            execution.setVariable(HANDLER_ID, null);
            outbox.toUser(caseNumber, previous, "OFFERED_TO_TEAM", "Case " + caseNumber
                    + " passed its promised time and is now offered to the " + region.name() + " team.");
        }
        String promised = Vars.string(execution, PROMISED_BY_TEXT);
        history.record(caseNumber, Category.SLA, "PROMISE_BROKEN", previous, null, "first response promised by " + promised);
        history.record(caseNumber, Category.SLA, "OFFERED_TO_TEAM", null, null, "offered to " + region.repGroup());
        outbox.toGroup(caseNumber, region.repGroup(), "OFFERED_TO_TEAM", "Case " + caseNumber + " of "
                + Vars.string(execution, CUSTOMER_NAME) + " needs someone now: it was promised by " + promised + ".");
        outbox.toGroup(caseNumber, region.supervisorGroup(), "PROMISE_BROKEN", "Promise broken on case " + caseNumber
                + ": the customer was promised an answer by " + promised + ". It is now offered to the " + region.name()
                + " team.");
        display.refresh(execution);
    }

}
