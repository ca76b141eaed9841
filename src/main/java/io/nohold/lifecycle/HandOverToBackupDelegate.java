package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.util.Optional;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.HandlerRings;
import io.nohold.region.Rep;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The personal window elapsed and the customer has not been reached: "Reach customer" moves to the next named
 * backup of the region, and both are told. The relationship stays with the personal rep.
 */
@Component
class HandOverToBackupDelegate implements JavaDelegate {

    private final OpenHandlerTask openTask;

    private final TaskService tasks;

    private final HandlerRings rings;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final CaseDisplay display;

    HandOverToBackupDelegate(OpenHandlerTask openTask, TaskService tasks, HandlerRings rings, CaseHistory history,
            NotificationOutbox outbox, CaseDisplay display) {
        this.openTask = openTask;
        this.tasks = tasks;
        this.rings = rings;
        this.history = history;
        this.outbox = outbox;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        Optional<Task> task = openTask.of(execution.getProcessInstanceId(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);
        if (task.isEmpty() || task.get().getAssignee() == null) {
            return;
        }
        String current = task.get().getAssignee();
        Optional<Rep> backup = rings.nextBackup(Vars.required(execution, REGION_ID), Vars.required(execution, PERSONAL_REP_ID),
                current);
        if (backup.isEmpty()) {
            history.record(caseNumber, Category.SLA, "PERSONAL_WINDOW_ELAPSED", current, null,
                    "no named backup available; stays with " + display.repName(current));
            outbox.toUser(caseNumber, current, "PERSONAL_WINDOW_ELAPSED", "Case " + caseNumber
                    + ": your personal window has passed and no backup is available. Please reach the customer by "
                    + Vars.string(execution, PROMISED_BY_TEXT) + ".");
            return;
        }
        Rep next = backup.get();
        tasks.setAssignee(task.get().getId(), next.id());
        history.record(caseNumber, Category.SLA, "HANDED_OVER_TO_BACKUP", next.id(), null,
                "personal window elapsed; from " + display.repName(current) + " to " + next.name());
        outbox.toUser(caseNumber, current, "HANDED_OVER", "Case " + caseNumber + " was handed to " + next.name()
                + " because the personal window passed. The customer stays yours.");
        outbox.toUser(caseNumber, next.id(), "HANDED_OVER", "You are the named backup for case " + caseNumber + " of "
                + Vars.string(execution, CUSTOMER_NAME) + "; promised by " + Vars.string(execution, PROMISED_BY_TEXT) + ".");
        display.refresh(execution);
    }

}
