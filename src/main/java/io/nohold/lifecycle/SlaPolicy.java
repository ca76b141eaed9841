package io.nohold.lifecycle;

import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The windows of the SLA policy for the contact being handled, as "Determine SLA policy" decided them. They are kept
 * as ISO duration strings, so later steps (a return from the supervisor, a follow-up) can give a fresh resolution
 * window; the decision's result map itself is not kept.
 */
record SlaPolicy(Duration personalWindow, Duration firstResponse, Duration resolution) {

    static SlaPolicy take(DelegateExecution execution) {
        Object result = execution.getVariable(SLA_POLICY);
        if (result instanceof Map<?, ?> values) {
            for (String name : new String[] { PERSONAL_WINDOW, FIRST_RESPONSE, RESOLUTION }) {
                Object value = values.get(name);
                if (value == null) {
                    throw new IllegalStateException("SLA policy gives no " + name);
                }
                Duration.parse(value.toString());
                execution.setVariable(name, value.toString());
            }
            execution.removeVariable(SLA_POLICY);
        }
        return of(execution);
    }

    static SlaPolicy of(DelegateExecution execution) {
        if (execution.getVariable(FIRST_RESPONSE) == null) {
            throw new IllegalStateException("no SLA policy for this contact");
        }
        return new SlaPolicy(Vars.duration(execution, PERSONAL_WINDOW), Vars.duration(execution, FIRST_RESPONSE),
                Vars.duration(execution, RESOLUTION));
    }

}
