package io.nohold.desk;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission that the task's form does not accept, inside the engine. It is a bad user request so that the engine
 * logs it as one (at debug level, where a form field validation failure would log an error with a stack trace);
 * {@link TaskFormGuard} turns it into the exception that each REST door answers with 400.
 */
final class FieldsRefused extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    private final List<String> fields;

    FieldsRefused(String message, List<String> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    List<String> fields() {
        return fields;
    }

}
