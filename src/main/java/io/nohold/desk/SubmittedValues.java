package io.nohold.desk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Submitted variables as the values a form field is checked against. The REST API hands the engine typed values
 * ({@code {"value": "x", "type": "Json"}}); the Java API plain objects. A plain string, number or boolean stays what
 * it is; a list, or a JSON array of text (how the Tasklist sends a checklist), becomes a list; anything else, such as
 * an object or a string sent as JSON, becomes a {@link Structured} value that no text, number or choice field
 * accepts, so a field cannot receive a different type under its own name.
 */
final class SubmittedValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A value that is neither plain text, number, boolean nor a list of text. */
    record Structured(String type) {
    }

    private SubmittedValues() {
    }

    static Map<String, Object> of(Map<String, ?> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (variables == null) {
            return values;
        }
        for (String name : variables.keySet()) {
            Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
            values.put(name, plain(value));
        }
        return values;
    }

    static Object plain(Object value) {
        if (value instanceof SerializableValue serializable) {
            return serializable(serializable);
        }
        if (value instanceof TypedValue typed) {
            boolean untyped = typed.getType() == null;
            if (!untyped && !typed.getType().isPrimitiveValueType()) {
                return new Structured(typed.getType().getName());
            }
            return plain(typed.getValue());
        }
        if (value instanceof Collection<?> list) {
            return new ArrayList<>(list);
        }
        return value;
    }

    private static Object serializable(SerializableValue value) {
        String type = value.getType() == null ? "object" : value.getType().getName();
        if (value.isDeserialized()) {
            return value.getValue() instanceof Collection<?> list ? new ArrayList<>(list) : new Structured(type);
        }
        String format = value.getSerializationDataFormat();
        if (value.getValueSerialized() == null || format == null || !format.startsWith("application/json")) {
            return new Structured(type);
        }
        try {
            JsonNode json = JSON.readTree(value.getValueSerialized());
            if (json != null && json.isArray()) {
                List<Object> items = new ArrayList<>();
                json.forEach(item -> items.add(item.isTextual() ? item.asText() : new Structured("json")));
                return items;
            }
        }
        catch (IOException e) {
            // not JSON after all: no field accepts it
        }
        return new Structured(type);
    }

}
