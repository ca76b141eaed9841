package io.nohold.testsupport;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. Where they are missing the tests
 * are skipped with a hint, except on CI ({@code CI=true}), where a missing browser must not pass unnoticed.
 */
public class BrowserCondition implements ExecutionCondition {

    static final String MISSING = "browser tests need Debian packages chromium and chromium-driver";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver found");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING + " (missing: " + String.join(", ", missing) + ")");
        }
        return ConditionEvaluationResult.disabled(MISSING + " (missing: " + String.join(", ", missing)
                + "); skipped. Install them with: apt-get install chromium chromium-driver");
    }

    static List<String> missing() {
        return List.of(Browser.CHROMIUM, Browser.CHROMEDRIVER)
            .stream()
            .filter(path -> !Files.isExecutable(path))
            .map(Object::toString)
            .toList();
    }

}
