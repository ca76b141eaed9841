package io.nohold.desk;

import java.util.Locale;

import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;

/** Task names that say whom and what: "Reach Maria Lopez (phone)", "Resolve: Broken lamp". */
final class TaskNames {

    private static final int LIMIT = 120;

    private TaskNames() {
    }

    /**
     * @param taskDefinitionKey the task's id in its model
     * @param customer the customer's display name
     * @param channel the channel of the contact being handled, or null
     * @param topic the case's subject, else the start of the customer's message
     * @param accommodation how the accommodation to approve reads, or null
     * @param modelName the task's name in the model, for any other task
     */
    static String of(String taskDefinitionKey, String customer, String channel, String topic, String accommodation,
            String modelName) {
        String name = switch (taskDefinitionKey) {
            case ContactLifecycleProcess.Elements.REACH_CUSTOMER -> "Reach " + customer + (channel == null ? "" : " (" + channel.toLowerCase(Locale.ROOT) + ")");
            case ContactLifecycleProcess.Elements.RESOLVE_CONTACT -> "Resolve: " + topic;
            case ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION -> "Approve: " + (accommodation == null ? "accommodation" : accommodation) + " for "
                    + customer;
            case SupervisorEscalationProcess.Elements.HANDLE_ESCALATION -> "Escalation: " + topic + " (" + customer + ")";
            default -> modelName;
        };
        return name.length() <= LIMIT ? name : name.substring(0, LIMIT - 3) + "...";
    }

    /** The subject, else the start of the message, else "contact". */
    static String topic(String subject, String message) {
        if (subject != null && !subject.isBlank()) {
            return subject;
        }
        if (message == null || message.isBlank()) {
            return "contact";
        }
        return message.length() <= 60 ? message : message.substring(0, 57) + "...";
    }

}
