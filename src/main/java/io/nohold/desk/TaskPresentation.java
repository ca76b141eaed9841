package io.nohold.desk;

import java.util.List;
import java.util.Map;

import io.nohold.casefile.Channel;
import io.nohold.casefile.ContactJoined;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How every task of a case looks on the desk: a name that says whom and what, a priority by urgency, and the form
 * values of {@link CaseDisplay} as task-local variables. Applied when a task is created or assigned (registered for
 * every user task by {@link TaskPresentationPlugin}) and when a contact joins the task's case.
 */
@Component
class TaskPresentation implements TaskListener {

    private final CaseDisplay display;

    private final TaskService tasks;

    private final ProcessEngineConfigurationImpl engine;

    TaskPresentation(CaseDisplay display, TaskService tasks, ProcessEngineConfigurationImpl engine) {
        this.display = display;
        this.tasks = tasks;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = CaseOf.number(task);
        Map<String, Object> values = display.of(caseNumber);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setPriority(priority(task));
            task.setName(TaskNames.of(task.getTaskDefinitionKey(), (String) values.get(CaseDisplay.CUSTOMER_NAME),
                    Vars.string(task, ContactLifecycleProcess.Variables.CHANNEL),
                    TaskNames.topic((String) values.get(CaseDisplay.SUBJECT), (String) values.get(CaseDisplay.MESSAGE)),
                    Vars.string(task, ContactLifecycleProcess.Variables.ACCOMMODATION_SUMMARY),
                    task.getBpmnModelElementInstance().getName()));
        }
        task.setVariablesLocal(values);
    }

    /** A contact joined the case: the open tasks of the case show it at once. */
    @EventListener
    void contactJoined(ContactJoined event) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(event.caseNumber()).list();
        if (open.isEmpty()) {
            return;
        }
        Map<String, Object> values = display.of(event.caseNumber());
        engine.getCommandExecutorTxRequired().execute(context -> {
            for (Task task : open) {
                TaskEntity entity = context.getTaskManager().findTaskById(task.getId());
                if (entity != null) {
                    entity.setVariablesLocal(values);
                }
            }
            return null;
        });
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
