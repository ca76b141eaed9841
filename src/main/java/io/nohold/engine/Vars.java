package io.nohold.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables. */
public final class Vars {

    private Vars() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static String required(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return value;
    }


    public static boolean flag(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    public static Duration duration(VariableScope scope, String name) {
        return Duration.parse(required(scope, name));
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

}
