package io.nohold.desk;

import java.util.Optional;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * How a new task of a case looks in the task lists (tasks of other processes on the same engine are left as they
 * are): a name that says whom and what. Its priority is the model's: the SLA policy's {@code taskPriority} for a
 * contact's tasks, a constant for the supervisors'.
 * Registered for every user task by {@link TaskPresentationPlugin}. What its form shows is computed when the form is
 * opened ({@link GuardedFormService#getTaskFormVariables}).
 */
@Component
class TaskPresentation implements TaskListener {

    private final CaseDisplay display;

    TaskPresentation(CaseDisplay display) {
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<String> caseNumber = CaseOf.ofTask(task.getExecution(), ContactLifecycleProcess.KEY);
        if (caseNumber.isEmpty()) {
            return;
        }
        CaseDisplay.Headline headline = display.headline(caseNumber.get());
        task.setName(TaskNames.of(task.getTaskDefinitionKey(), headline.customerName(),
                Vars.string(task, ContactLifecycleProcess.Variables.CHANNEL), headline.topic(),
                Vars.string(task, ContactLifecycleProcess.Variables.ACCOMMODATION_SUMMARY),
                task.getBpmnModelElementInstance().getName()));
    }

}
