package io.nohold.lifecycle;

import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.math.BigDecimal;

import io.nohold.casefile.Accommodation;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The accommodation a handler's form asks for, and how it reads in the history and the forms. */
final class Accommodations {

    private Accommodations() {
    }

    /** The accommodation the handler's form asks for: type, amount and the rep's (internal) reason. */
    static Accommodation of(VariableScope scope) {
        Object amount = scope.getVariable(ACCOMMODATION_AMOUNT);
        return new Accommodation(Vars.string(scope, ACCOMMODATION_TYPE), amount == null ? null : new BigDecimal(amount.toString()),
                Vars.string(scope, ACCOMMODATION_REASON));
    }

    static String describe(VariableScope scope) {
        return of(scope).summary();
    }

}
