package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import java.util.Optional;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.directory.HandlerRings;
import io.nohold.directory.Rep;
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

    private final CaseFile caseFile;

    HandOverToBackupDelegate(OpenHandlerTask openTask, TaskService tasks, HandlerRings rings, CaseFile caseFile) {
        this.openTask = openTask;
        this.tasks = tasks;
        this.rings = rings;
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Task> task = openTask.of(execution.getProcessInstanceId(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);
        if (task.isEmpty() || task.get().getAssignee() == null) {
            return;
        }
        CaseRecord record = caseFile.get(CaseOf.number(execution));
        String current = task.get().getAssignee();
        Optional<Rep> backup = rings.nextBackup(record.regionId(), record.personalRepId(), current);
        if (backup.isEmpty()) {
            caseFile.personalWindowElapsedWithoutBackup(record.caseNumber(), current);
            return;
        }
        caseFile.handedOverToBackup(record.caseNumber(), current, backup.get());
        tasks.setAssignee(task.get().getId(), backup.get().id());
    }

}
