package org.linearmodels.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test only where the benchmark's peers are installed: PyTorch, torchvision,
 * scikit-learn and matplotlib on {@code $PYTHON} (else a python3 on PATH, as bench/python
 * picks it), and GNU time.
 * The tests never install them (./test does, once, before the tests); where they are missing,
 * the test is skipped with the reason, printed to the test log too.
 */
final class PythonPeers implements ExecutionCondition {

    static final String IMPORTS = "import torch, torchvision, sklearn, matplotlib";

    private static ConditionEvaluationResult result;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult found = check();
        if (found.isDisabled()) {
            System.out.println("Skipping " + context.getDisplayName() + ": "
                    + found.getReason().orElse(""));
        }
        return found;
    }

    private static synchronized ConditionEvaluationResult check() {
        if (result == null) {
            result = evaluate();
        }
        return result;
    }

    private static ConditionEvaluationResult evaluate() {
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            return ConditionEvaluationResult.disabled("the benchmark's peers are missing: no GNU"
                    + " time (/usr/bin/time); ./test installs it (Debian: time)");
        }
        // bench/python picks the interpreter as bench/run does: $PYTHON, else the first
        // python3 on PATH that has the peers, else plain python3 (then they are missing).
        String python;
        try {
            Process pick = new ProcessBuilder("bench/python").start();
            if (!pick.waitFor(2, TimeUnit.MINUTES)) {
                pick.destroyForcibly();
                return ConditionEvaluationResult.disabled("bench/python did not finish");
            }
            python = new String(pick.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            return ConditionEvaluationResult.disabled("cannot run bench/python: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConditionEvaluationResult.disabled("interrupted while running bench/python");
        }
        String chosen = System.getenv("PYTHON");
        if (chosen == null || chosen.isEmpty()) {
            return python.contains("/") ? ConditionEvaluationResult.enabled(python + " has "
                    + IMPORTS.substring(7)) : ConditionEvaluationResult.disabled("the"
                    + " benchmark's peers are missing: no python3 on PATH can " + IMPORTS
                    + "; ./test installs them (Debian: python3-torch python3-torchvision"
                    + " python3-sklearn python3-matplotlib), or set PYTHON");
        }
        try {
            Process probe = new ProcessBuilder(python, "-c", IMPORTS)
                    .redirectErrorStream(true).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return ConditionEvaluationResult.disabled(python + " -c '" + IMPORTS
                        + "' did not finish in 60 s");
            }
            if (probe.exitValue() != 0) {
                String said = new String(probe.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
                return ConditionEvaluationResult.disabled("the benchmark's peers are missing: "
                        + python + " cannot " + IMPORTS + " (" + said + "); ./test installs them"
                        + " (Debian: python3-torch python3-torchvision python3-sklearn"
                        + " python3-matplotlib)");
            }
        } catch (IOException e) {
            return ConditionEvaluationResult.disabled("the benchmark's peers are missing: cannot"
                    + " run " + python + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConditionEvaluationResult.disabled("interrupted while looking for " + python);
        }
        return ConditionEvaluationResult.enabled(python + " has " + IMPORTS.substring(7));
    }
}
