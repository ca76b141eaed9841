package io.nohold.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the PostgreSQL run: skips the test classes with a message on how to start PostgreSQL when it is not reachable,
 * and fails them when the environment says CI=true (CI must not pass without the PostgreSQL run).
 */
public class DatabaseAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.enabled("in-memory H2");
        }
        return new PostgresRequired().evaluateExecutionCondition(context);
    }

}
