package io.nohold.desk;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nohold.desk.FormField.Kind;
import io.nohold.desk.FormField.Limits;

/**
 * Reads the fields a Camunda Form (form-js schema) lets a user submit: the keyed input components that are not
 * disabled (form-js submits no disabled field: they display variables such as the case history), in nested groups
 * too. Text, images, buttons and other display components have no key and submit nothing.
 * <p>
 * What the guard cannot check is refused here rather than let through: data paths (dotted keys, groups with a
 * path, dynamic lists), options taken from variables or expressions, and keyed components of other types. A form
 * that uses them fails {@code TaskFormTests} before it is deployed.
 */
final class FormReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Kind> INPUTS = Map.of("textfield", Kind.TEXT, "textarea", Kind.TEXT, "number", Kind.NUMBER,
            "checkbox", Kind.BOOLEAN, "select", Kind.CHOICE, "radio", Kind.CHOICE, "checklist", Kind.CHOICES, "taglist",
            Kind.CHOICES, "datetime", Kind.DATETIME);

    private static final Set<String> WITH_OPTIONS = Set.of("select", "radio", "checklist", "taglist");

    private FormReader() {
    }

    /** The form's writable fields, read from its JSON. */
    static TaskForm read(byte[] json) {
        JsonNode schema;
        try {
            schema = JSON.readTree(json);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("the form is not valid JSON: " + e.getMessage(), e);
        }
        if (schema == null || !schema.path("components").isArray()) {
            throw new IllegalArgumentException("the form has no components");
        }
        String id = schema.path("id").asText("");
        Map<String, FormField> fields = new LinkedHashMap<>();
        components(id, schema.path("components"), List.of(), fields);
        return new TaskForm(fields);
    }

    private static void components(String formId, JsonNode components, List<HideCondition> hiddenWhen, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            List<HideCondition> conditions = withOwnCondition(component, hiddenWhen);
            if (component.path("components").isArray()) {
                if (!component.path("path").asText("").isEmpty() || "dynamiclist".equals(type)) {
                    throw unsupported(formId, component, "nests its data under a path");
                }
                components(formId, component.path("components"), conditions, fields);
            }
            String key = component.path("key").asText("");
            if (key.isEmpty() || component.path("disabled").asBoolean(false)) {
                continue;
            }
            Kind kind = INPUTS.get(type);
            if (kind == null) {
                throw unsupported(formId, component, "is a keyed component of type '" + type + "'");
            }
            if (key.contains(".")) {
                throw unsupported(formId, component, "writes a data path");
            }
            if (kind == Kind.NUMBER && component.path("serializeToString").asBoolean(false)) {
                kind = Kind.NUMBER_AS_TEXT;
            }
            JsonNode validate = component.path("validate");
            fields.put(key, new FormField(key, kind, validate.path("required").asBoolean(false), options(formId, component, type),
                    limits(formId, component, validate), component.path("subtype").asText(null), conditions));
        }
    }

    private static List<HideCondition> withOwnCondition(JsonNode component, List<HideCondition> inherited) {
        String hide = component.path("conditional").path("hide").asText("");
        if (hide.isBlank()) {
            return inherited;
        }
        List<HideCondition> conditions = new ArrayList<>(inherited);
        conditions.add(HideCondition.of(hide));
        return conditions;
    }

    private static List<String> options(String formId, JsonNode component, String type) {
        if (!WITH_OPTIONS.contains(type)) {
            return List.of();
        }
        if (component.has("valuesKey") || component.has("valuesExpression") || !component.path("values").isArray()) {
            throw unsupported(formId, component, "takes its options from variables");
        }
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        return options;
    }

    private static Limits limits(String formId, JsonNode component, JsonNode validate) {
        Pattern pattern = null;
        String regex = validate.path("pattern").asText("");
        if (!regex.isEmpty()) {
            try {
                pattern = Pattern.compile(regex);
            }
            catch (PatternSyntaxException e) {
                throw unsupported(formId, component, "has a pattern Java cannot read (" + e.getDescription() + ")");
            }
        }
        return new Limits(integer(validate, "minLength"), integer(validate, "maxLength"), decimal(validate, "min"),
                decimal(validate, "max"), pattern);
    }

    private static Integer integer(JsonNode validate, String name) {
        return validate.path(name).isNumber() ? validate.path(name).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode validate, String name) {
        return validate.path(name).isNumber() ? validate.path(name).decimalValue() : null;
    }

    private static IllegalArgumentException unsupported(String formId, JsonNode component, String what) {
        String name = component.path("key").asText(component.path("id").asText("?"));
        return new IllegalArgumentException("component '" + name + "' of form " + formId + " " + what
                + ", which NoHold cannot check when a task is completed");
    }

}
