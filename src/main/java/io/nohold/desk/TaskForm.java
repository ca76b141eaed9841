package io.nohold.desk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The contract of a task's Camunda Form: the fields a user may submit, each with its type and allowed values. A
 * submission that names anything else, or a value the form would not produce, is answered with what is wrong and
 * what the task accepts, so that a client can correct it.
 */
final class TaskForm {

    /** One thing wrong with a submission: the field and a sentence that names it, says what is wrong and what fits. */
    record Problem(String field, String sentence) {
    }

    private final Map<String, FormField> fields;

    private final HideCondition.All conditions;

    TaskForm(Map<String, FormField> fields) {
        this.fields = new LinkedHashMap<>(fields);
        this.conditions = HideCondition.All.of(fields.values().stream().flatMap(field -> field.hiddenWhen().stream()).toList());
    }

    Map<String, FormField> fields() {
        return fields;
    }

    /**
     * What is wrong with these submitted values, one problem per field; empty when the form accepts them.
     * @param taskName the task's name in the model, which users know the form by
     * @param values the submitted values (see {@link SubmittedValues})
     * @param complete whether this submission completes the form, so that its required fields must be there
     * @param variables the task's variables, read only when a hide condition needs them
     */
    List<Problem> problems(String taskName, Map<String, Object> values, boolean complete, Supplier<Map<String, Object>> variables) {
        List<Problem> problems = new ArrayList<>();
        values.forEach((key, value) -> {
            FormField field = fields.get(key);
            if (field == null) {
                problems.add(new Problem(key, "field '" + key + "' is not a field of the form \"" + taskName + "\"; " + accepted()));
            }
            else {
                field.problem(value).ifPresent(problem -> problems.add(new Problem(key, "field '" + key + "' " + problem)));
            }
        });
        if (complete) {
            // all of the form's conditions at once, when a required field left blank has one
            Map<String, Boolean> verdicts = null;
            for (FormField field : fields.values()) {
                if (!field.required() || !field.blank(values.get(field.key()))) {
                    continue;
                }
                if (!field.hiddenWhen().isEmpty()) {
                    verdicts = verdicts != null ? verdicts : conditions.verdicts(shown(variables.get(), values));
                    Map<String, Boolean> hidden = verdicts;
                    if (field.hidden(condition -> hidden.getOrDefault(condition.toString(), false))) {
                        continue;
                    }
                }
                problems.add(new Problem(field.key(), "field '" + field.key() + "' is required"));
            }
        }
        return problems;
    }

    private String accepted() {
        return fields.isEmpty() ? "this task accepts no fields" : "this task accepts: " + String.join(", ", fields.keySet());
    }

    /** What form-js evaluates conditions against: the variables it loaded, overlaid with what the user entered. */
    private static Map<String, Object> shown(Map<String, Object> variables, Map<String, Object> values) {
        Map<String, Object> data = new HashMap<>(variables);
        data.putAll(values);
        return data;
    }

}
