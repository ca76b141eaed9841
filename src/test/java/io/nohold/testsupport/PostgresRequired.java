package io.nohold.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that always need PostgreSQL (the cluster tests): skipped with a message on how to start PostgreSQL when it
 * is not reachable, failed when CI=true.
 */
public class PostgresRequired implements ExecutionCondition {

    /** Surefire does not show why a class was skipped: say it once per run. */
    private static volatile boolean told;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = TestDatabase.unreachable();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
        }
        if (TestDatabase.ci()) {
            throw new IllegalStateException(problem + " and CI=true requires the PostgreSQL tests: " + TestDatabase.HOW_TO_START);
        }
        String message = "PostgreSQL tests skipped: " + problem + "; " + TestDatabase.HOW_TO_START;
        if (!told) {
            told = true;
            System.err.println("WARNING: " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

}
