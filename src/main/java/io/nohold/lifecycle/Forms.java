package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/** What the handler's forms wrote last time: cleared when the case comes back, so the next form starts empty. */
final class Forms {

    private Forms() {
    }

    static void clearHandlerFields(VariableScope scope) {
        scope.removeVariable(OUTCOME);
        scope.removeVariable(NOTES);
    }

}
