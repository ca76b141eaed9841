package io.nohold.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
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

    static final String INSTALL = "apt-get install chromium chromium-driver";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(List.of(Browser.CHROMIUM, Browser.CHROMEDRIVER), "true".equalsIgnoreCase(System.getenv("CI")));
    }

    static ConditionEvaluationResult evaluate(List<Path> required, boolean onCi) {
        List<String> missing = required.stream().filter(path -> !Files.isExecutable(path)).map(Path::toString).toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver found");
        }
        String what = MISSING + " (missing: " + String.join(", ", missing) + ")";
        if (onCi) {
            throw new IllegalStateException(what);
        }
        return ConditionEvaluationResult.disabled(what + "; skipped. Install them with: " + INSTALL);
    }

}
