package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import java.util.Optional;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
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

    private final CaseFile caseFile;

    OfferToRegionTeamDelegate(OpenHandlerTask openTask, TaskService tasks, CaseFile caseFile) {
        this.openTask = openTask;
        this.tasks = tasks;
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Task> task = openTask.of(execution.getProcessInstanceId(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);
        if (task.isEmpty()) {
            return;
        }
        CaseRecord record = caseFile.get(CaseOf.number(execution));
        String previous = task.get().getAssignee();
        caseFile.promiseBroken(record.caseNumber(), previous);
        if (previous != null) {
            // the task listener offers a task that is given back to the region's team (CaseTaskListener#assigned)
            tasks.setAssignee(task.get().getId(), null);
        }
    }

}
