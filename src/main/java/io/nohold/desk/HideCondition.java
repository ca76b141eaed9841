package io.nohold.desk;

import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
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

    @Override
    public String toString() {
        return expression;
    }

}
