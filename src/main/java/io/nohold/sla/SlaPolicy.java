package io.nohold.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One row of the SLA policy ({@code sla-policy.dmn}) for a contact: how long its own rep has, the first response, the
 * resolution, when the handler is reminded before the promise falls due, the supervisors' windows for an approval
 * and an escalation, the quiet period after the outcome, which hours count, and the priority of its tasks. Every
 * number is the table's; nothing here has a default.
 */
public record SlaPolicy(Duration personalWindow, Duration firstResponse, Duration resolution, Duration reminderBefore,
        Duration approvalWindow, Duration escalationWindow, Duration quietPeriod, SlaHours hours, int taskPriority) {

    /** The table's output names, also the names of the variables in which lifecycles from before V20 keep them. */
    public static final class Outputs {

        public static final String PERSONAL_WINDOW = "personalWindow";

        public static final String FIRST_RESPONSE = "firstResponse";

        public static final String RESOLUTION = "resolution";

        public static final String REMINDER_BEFORE = "reminderBefore";

        public static final String APPROVAL_WINDOW = "approvalWindow";

        public static final String ESCALATION_WINDOW = "escalationWindow";

        public static final String QUIET_PERIOD = "quietPeriod";

        public static final String SLA_HOURS = "slaHours";

        public static final String TASK_PRIORITY = "taskPriority";

        static final String[] DURATIONS = { PERSONAL_WINDOW, FIRST_RESPONSE, RESOLUTION, REMINDER_BEFORE, APPROVAL_WINDOW,
                ESCALATION_WINDOW, QUIET_PERIOD };

        private Outputs() {
        }

    }

    public SlaPolicy {
        for (Duration window : new Duration[] { personalWindow, firstResponse, resolution, reminderBefore, approvalWindow,
                escalationWindow, quietPeriod }) {
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("every window of an SLA policy must be longer than zero");
            }
        }
        if (hours == null) {
            throw new IllegalArgumentException("an SLA policy must say which hours count");
        }
        if (personalWindow.compareTo(firstResponse) > 0) {
            throw new IllegalArgumentException("the personal window must not be longer than the first response");
        }
        if (reminderBefore.compareTo(firstResponse) >= 0) {
            throw new IllegalArgumentException("the reminder must come after the promise is made");
        }
        if (taskPriority < 0 || taskPriority > 100) {
            throw new IllegalArgumentException("a task priority lies between 0 and 100");
        }
    }

    /** The decision's result (output name to value), as the "Determine SLA policy" task or the decision service gives it. */
    public static SlaPolicy of(Map<String, ?> outputs) {
        Map<String, Duration> windows = new LinkedHashMap<>();
        for (String name : Outputs.DURATIONS) {
            Object value = outputs.get(name);
            if (value == null) {
                throw new IllegalStateException("the SLA policy gives no " + name);
            }
            try {
                windows.put(name, Duration.parse(value.toString()));
            }
            catch (DateTimeParseException e) {
                throw new IllegalStateException("the SLA policy's " + name + " is not an ISO duration: " + value, e);
            }
        }
        Object hours = outputs.get(Outputs.SLA_HOURS);
        Object priority = outputs.get(Outputs.TASK_PRIORITY);
        if (hours == null || priority == null) {
            throw new IllegalStateException("the SLA policy gives no " + (hours == null ? Outputs.SLA_HOURS : Outputs.TASK_PRIORITY));
        }
        return new SlaPolicy(windows.get(Outputs.PERSONAL_WINDOW), windows.get(Outputs.FIRST_RESPONSE),
                windows.get(Outputs.RESOLUTION), windows.get(Outputs.REMINDER_BEFORE), windows.get(Outputs.APPROVAL_WINDOW),
                windows.get(Outputs.ESCALATION_WINDOW), windows.get(Outputs.QUIET_PERIOD), SlaHours.valueOf(hours.toString()),
                ((Number) priority).intValue());
    }

    /** The policy kept in a process instance's variables by {@link #keepIn} (a lifecycle started before V20). */
    public static SlaPolicy of(VariableScope scope) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : Outputs.DURATIONS) {
            values.put(name, scope.getVariable(name));
        }
        values.put(Outputs.SLA_HOURS, scope.getVariable(Outputs.SLA_HOURS));
        values.put(Outputs.TASK_PRIORITY, scope.getVariable(Outputs.TASK_PRIORITY));
        if (values.get(Outputs.FIRST_RESPONSE) == null) {
            throw new IllegalStateException("no SLA policy for this contact");
        }
        return of(values);
    }

    /**
     * Keeps the policy in the process instance, as ISO durations, the hours' name and the priority: how lifecycles
     * started before the case file kept the row (V20) hold it, which their models read ({@code ${taskPriority}}). New
     * lifecycles keep it in the case file only.
     */
    public void keepIn(VariableScope scope) {
        scope.setVariable(Outputs.PERSONAL_WINDOW, personalWindow.toString());
        scope.setVariable(Outputs.FIRST_RESPONSE, firstResponse.toString());
        scope.setVariable(Outputs.RESOLUTION, resolution.toString());
        scope.setVariable(Outputs.REMINDER_BEFORE, reminderBefore.toString());
        scope.setVariable(Outputs.APPROVAL_WINDOW, approvalWindow.toString());
        scope.setVariable(Outputs.ESCALATION_WINDOW, escalationWindow.toString());
        scope.setVariable(Outputs.QUIET_PERIOD, quietPeriod.toString());
        scope.setVariable(Outputs.SLA_HOURS, hours.name());
        scope.setVariable(Outputs.TASK_PRIORITY, taskPriority);
    }

}
