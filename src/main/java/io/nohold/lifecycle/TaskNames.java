package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.util.Locale;

import io.nohold.escalation.SupervisorEscalationProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Task names that say whom and what: "Reach Maria Lopez (phone)", "Resolve: refund for broken lamp". */
final class TaskNames {

    private static final int LIMIT = 120;

    private TaskNames() {
    }

    static String of(DelegateTask task) {
        String customer = Vars.string(task, CUSTOMER_NAME);
        String channel = Vars.string(task, CHANNEL);
        String topic = topic(task);
        String name = switch (task.getTaskDefinitionKey()) {
            case ContactLifecycleProcess.Elements.REACH_CUSTOMER -> "Reach " + customer
                    + (channel == null ? "" : " (" + channel.toLowerCase(Locale.ROOT) + ")");
            case ContactLifecycleProcess.Elements.RESOLVE_CONTACT -> "Resolve: " + topic;
            case ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION -> "Approve: " + Accommodations.describe(task) + " for "
                    + customer;
            case SupervisorEscalationProcess.Elements.HANDLE_ESCALATION -> "Escalation: " + topic + " (" + customer + ")";
            default -> task.getName();
        };
        return name.length() <= LIMIT ? name : name.substring(0, LIMIT - 3) + "...";
    }

    private static String topic(DelegateTask task) {
        String subject = Vars.string(task, SUBJECT);
        if (subject != null && !subject.isBlank()) {
            return subject;
        }
        String message = Vars.string(task, MESSAGE);
        if (message == null || message.isBlank()) {
            return "contact";
        }
        return message.length() <= 60 ? message : message.substring(0, 57) + "...";
    }

}
