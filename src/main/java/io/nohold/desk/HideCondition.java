package io.nohold.desk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ConstList;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A form component's {@code conditional.hide} expression. form-js neither validates nor submits a hidden field, so a
 * required field counts as required only while it is shown: "Amount" only when the outcome is an accommodation.
 * <p>
 * form-js evaluates these FEEL expressions in the browser; here they are evaluated with the FEEL engine that ships
 * with Camunda (FEEL-Scala, built once and parsed once per form). Like form-js, a field is hidden only when the
 * expression yields {@code true}: an expression that does not parse or fails to evaluate leaves the field shown.
 */
final class HideCondition {

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    private final String expression;

    private final ParsedExpression parsed;

    private HideCondition(String expression, ParsedExpression parsed) {
        this.expression = expression;
        this.parsed = parsed;
    }

    /** The condition of a form-js expression such as {@code =outcome != "ACCOMMODATION"}. */
    static HideCondition of(String expression) {
        String feel = expression.strip();
        if (feel.startsWith("=")) {
            feel = feel.substring(1);
        }
        ParseResult result = FEEL.parseExpression(feel);
        return new HideCondition(expression, result.isSuccess() ? result.parsedExpression() : null);
    }

    boolean hides(Map<String, Object> data) {
        if (parsed == null) {
            return false;
        }
        EvaluationResult result = FEEL.evaluate(parsed, data);
        return result.isSuccess() && Boolean.TRUE.equals(result.result());
    }

    /**
     * A form's conditions evaluated in one FEEL evaluation, as the list {@code [c1, c2, ...]}: FEEL-Scala sets up all
     * its built-in functions for every evaluation, which costs more than the conditions themselves. The items of a
     * list are evaluated independently on the same data, so each verdict is the one its condition gives alone (the list
     * is used only when its items are exactly the conditions as each parses alone); should the list not parse or not
     * evaluate (one condition fails), each condition is evaluated on its own.
     */
    static final class All {

        /** How many sets of verdicts a form remembers (see {@link #verdicts}) before it starts again. */
        static final int REMEMBERED = 256;

        /** The longest text value a remembered verdict is kept by. */
        static final int REMEMBERED_TEXT = 200;

        private final List<HideCondition> parsed;

        private final ParsedExpression together;

        /** The conditions' text, where every name they read occurs. */
        private final String text;

        /** Whether the verdicts follow from the data alone: no condition reads the clock or draws a random value. */
        private final boolean repeatable;

        private final Map<List<Object>, Map<String, Boolean>> given = new ConcurrentHashMap<>();

        private All(List<HideCondition> parsed, ParsedExpression together) {
            this.parsed = parsed;
            this.together = together;
            this.text = String.join("\n", parsed.stream().map(condition -> condition.parsed.text()).toList());
            String lower = text.toLowerCase(Locale.ROOT);
            this.repeatable = !lower.contains("now") && !lower.contains("today") && !lower.contains("random")
                    && !lower.contains("uuid");
        }

        static All of(Collection<HideCondition> conditions) {
            Map<String, HideCondition> distinct = new LinkedHashMap<>();
            conditions.stream().filter(condition -> condition.parsed != null)
                .forEach(condition -> distinct.putIfAbsent(condition.expression, condition));
            List<HideCondition> parsed = List.copyOf(distinct.values());
            if (parsed.size() < 2) {
                return new All(parsed, null);
            }
            // a line break before each ")" ends a "//" comment in a condition there, not in the next condition
            ParseResult result = FEEL.parseExpression("[" + String.join(", ",
                    parsed.stream().map(condition -> "(" + condition.parsed.text() + "\n)").toList()) + "]");
            return new All(parsed, result.isSuccess() && itemsAre(result.parsedExpression(), parsed) ? result.parsedExpression() : null);
        }

        /** Whether the list's items are exactly the conditions as each parses alone, in order (and nothing else). */
        private static boolean itemsAre(ParsedExpression list, List<HideCondition> conditions) {
            if (!(list.expression() instanceof ConstList items) || items.items().size() != conditions.size()) {
                return false;
            }
            for (int i = 0; i < conditions.size(); i++) {
                if (!items.items().apply(i).equals(conditions.get(i).parsed.expression())) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the conditions are evaluated as one list (false: each alone, as for fewer than two). */
        boolean together() {
            return together != null;
        }

        /**
         * Whether each condition hides its field, by the condition's expression; unparsable ones are absent (shown).
         * <p>
         * The conditions see only the data they name: the entries whose names occur in their text (a FEEL expression
         * reads a variable by its name; a name that only occurs inside a longer one does no harm). Nothing else can
         * change a verdict, not even the names FEEL-Scala gives a meaning of its own, such as {@code inputVariableName},
         * which form-js does not know. So the verdicts are a function of those entries, and a form remembers them by
         * their values and evaluates FEEL again only for values it has not seen ("Resolve contact" is completed with
         * the same outcome time after time). Not remembered: conditions that read the clock or draw a random value,
         * and entries whose values are not short plain immutable ones.
         */
        Map<String, Boolean> verdicts(Map<String, Object> data) {
            Map<String, Object> named = new HashMap<>();
            data.forEach((name, value) -> {
                if (name != null && !name.isEmpty() && text.contains(name)) {
                    named.put(name, value);
                }
            });
            List<Object> key = repeatable ? key(named) : null;
            if (key == null) {
                return evaluate(named);
            }
            Map<String, Boolean> known = given.get(key);
            if (known != null) {
                return known;
            }
            Map<String, Boolean> verdicts = Map.copyOf(evaluate(named));
            if (given.size() >= REMEMBERED) {
                given.clear();
            }
            given.put(key, verdicts);
            return verdicts;
        }

        /** How many sets of verdicts the form remembers now. */
        int remembered() {
            return given.size();
        }

        /** The entries as name, value, ... by name; null when a value is not short, plain and immutable. */
        private static List<Object> key(Map<String, Object> named) {
            List<Object> key = new ArrayList<>(named.size() * 2);
            for (String name : named.keySet().stream().sorted().toList()) {
                Object value = named.get(name);
                if (!plain(value) || value instanceof String text && text.length() > REMEMBERED_TEXT) {
                    return null;
                }
                key.add(name);
                key.add(value);
            }
            return key;
        }

        private static boolean plain(Object value) {
            return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof Double
                    || value instanceof Float || value instanceof BigDecimal || value instanceof BigInteger;
        }

        private Map<String, Boolean> evaluate(Map<String, Object> data) {
            Map<String, Boolean> verdicts = new HashMap<>();
            if (together != null) {
                EvaluationResult result = FEEL.evaluate(together, data);
                if (result.isSuccess() && result.result() instanceof List<?> values && values.size() == parsed.size()) {
                    for (int i = 0; i < parsed.size(); i++) {
                        verdicts.put(parsed.get(i).expression, Boolean.TRUE.equals(values.get(i)));
                    }
                    return verdicts;
                }
            }
            parsed.forEach(condition -> verdicts.put(condition.expression, condition.hides(data)));
            return verdicts;
        }

    }

    @Override
    public String toString() {
        return expression;
    }

}
