package io.nohold.desk;

import java.util.Optional;

import io.nohold.casefile.Channel;
import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * How a new task of a case looks in the task lists (tasks of other processes on the same engine are left as they are): a name that says whom and what, and a priority by urgency.
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
        task.setPriority(priority(task));
        task.setName(TaskNames.of(task.getTaskDefinitionKey(), headline.customerName(),
                Vars.string(task, ContactLifecycleProcess.Variables.CHANNEL), headline.topic(),
                Vars.string(task, ContactLifecycleProcess.Variables.ACCOMMODATION_SUMMARY),
                task.getBpmnModelElementInstance().getName()));
    }

    /** Urgent first: escalations and approvals, then a public post, a call, a chat, mail. */
    private static int priority(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        if (SupervisorEscalationProcess.Elements.HANDLE_ESCALATION.equals(key)
                || ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION.equals(key)) {
            return 90;
        }
        String channel = Vars.string(task, ContactLifecycleProcess.Variables.CHANNEL);
        if (channel == null) {
            return 50;
        }
        return switch (Channel.valueOf(channel)) {
            case SOCIAL -> Vars.flag(task, ContactLifecycleProcess.Variables.PUBLIC_POST) ? 80 : 40;
            case PHONE -> 70;
            case CHAT -> 60;
            case EMAIL, WEB -> 40;
        };
    }

}
