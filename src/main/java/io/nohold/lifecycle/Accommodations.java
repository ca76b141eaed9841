package io.nohold.lifecycle;

import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.VariableScope;

/** How an accommodation reads in the history, the forms and the customer's confirmation. */
final class Accommodations {

    private Accommodations() {
    }

    static String describe(VariableScope scope) {
        String type = Vars.string(scope, ACCOMMODATION_TYPE);
        Object amount = scope.getVariable(ACCOMMODATION_AMOUNT);
        String text = (type == null ? "accommodation" : type.toLowerCase(Locale.ROOT)) + " of " + amount(amount);
        String reason = Vars.string(scope, ACCOMMODATION_REASON);
        return reason == null || reason.isBlank() ? text : text + " (" + reason + ")";
    }

    static String amount(Object amount) {
        if (amount == null) {
            return "an unstated amount";
        }
        return new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

}
