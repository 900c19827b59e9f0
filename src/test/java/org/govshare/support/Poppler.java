package org.govshare.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Poppler's command-line tools (Debian's poppler-utils) as independent checks of the PDFs the platform writes: a
 * test without them is skipped with a message, unless {@code GOVSHARE_BROWSER_TESTS=required} (CI), where it fails.
 */
public final class Poppler {

    /** What a tool printed (standard output and error together) and its exit code. */
    public record Run(int exitCode, String output) {
    }

    private Poppler() {
    }

    /** Runs {@code /usr/bin/<tool>} with these arguments, for at most a minute. */
    public static Run run(String tool, String... arguments) {
        Path program = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(program) && !"required".equals(System.getenv("GOVSHARE_BROWSER_TESTS"))) {
            Assumptions.abort("no " + tool + " (apt-get install poppler-utils): the independent check is skipped");
        }
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within a minute");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(tool + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(tool + " was interrupted", e);
        }
    }
}
