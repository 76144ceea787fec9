package org.linearmodels.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test only where Debian's chromium and chromium-driver are installed. The tests never
 * install them (./test does, before the tests); where they are missing the test is skipped
 * with the reason, printed to the test log too.
 */
final class ChromiumPresent implements ExecutionCondition {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result;
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            result = ConditionEvaluationResult.disabled("no " + (Files.isExecutable(BROWSER)
                    ? DRIVER : BROWSER) + "; ./test installs it (Debian: chromium"
                    + " chromium-driver)");
            System.out.println("Skipping " + context.getDisplayName() + ": "
                    + result.getReason().orElse(""));
        } else {
            result = ConditionEvaluationResult.enabled("chromium and chromedriver are there");
        }
        return result;
    }
}
