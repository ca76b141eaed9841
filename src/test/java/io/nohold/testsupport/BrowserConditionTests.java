package io.nohold.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

/** What browser tests do on a machine without chromium: skip with a hint, or fail loudly on CI. */
class BrowserConditionTests {

    @TempDir
    Path dir;

    @Test
    void withoutTheBrowserTheTestsAreSkippedWithTheInstallCommand() {
        ConditionEvaluationResult result = BrowserCondition.evaluate(List.of(dir.resolve("chromium")), false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).get().asString()
            .contains("browser tests need Debian packages chromium and chromium-driver")
            .contains("apt-get install chromium chromium-driver");
    }

    @Test
    void withoutTheBrowserOnCiTheTestsFail() {
        assertThatThrownBy(() -> BrowserCondition.evaluate(List.of(dir.resolve("chromedriver")), true))
            .hasMessageContaining("browser tests need Debian packages chromium and chromium-driver");
    }

    @Test
    void withTheBrowserTheTestsRun() {
        assertThat(BrowserCondition.evaluate(List.of(Path.of("/bin/sh")), true).isDisabled()).isFalse();
    }

}
