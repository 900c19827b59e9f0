package org.govshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The README's five-minute tour, run as a newcomer would run it: its bash blocks in order, in one bash session, with
 * the curl of the machine, against this platform. Each command shows its answer in a trailing comment,
 * {@code # → 403 not-your-department — a note}: the HTTP status, then words the answer contains; what follows the
 * dash is for the reader only. A command whose answer differs fails the test, so the tour cannot drift from the code.
 * <p>
 * The tour runs on the context the other integration tests share, in any order among them: it keeps every number it
 * is given (requests, disputes, violations) in a variable, and its two catalog codes are fixed, to read like a real
 * catalog, and free here, since the tests' own entries number from 301 ({@code CatalogEntries}).
 */
class ReadmeTourIT extends IntegrationTest {

    private static final Path README = Path.of("README.md");
    private static final Path WORK = Path.of("target", "readme-tour");
    private static final String TOUR_HEADING = "## A five-minute tour";
    private static final String ANSWER = "# → ";

    /**
     * Wraps curl so that each call leaves its status and body behind for the check, and still prints the body as
     * the reader sees it; a step closes with {@code __tour_step n}, which keeps what its curl calls left.
     */
    private static final String PRELUDE = """
            curl() {
              printf 'x' >> "$TOUR_DIR/calls"
              command curl -sS -o "$TOUR_DIR/body" -w '%{http_code}' "$@" > "$TOUR_DIR/status"
              local rc=$?
              cat "$TOUR_DIR/body" 2>/dev/null
              return $rc
            }
            __tour_step() {
              touch "$TOUR_DIR/calls" "$TOUR_DIR/status" "$TOUR_DIR/body"
              mv "$TOUR_DIR/calls" "$TOUR_DIR/$1.calls"; mv "$TOUR_DIR/status" "$TOUR_DIR/$1.status"
              mv "$TOUR_DIR/body" "$TOUR_DIR/$1.body"
            }
            """;

    /** One command of the tour and the answer the README shows for it. */
    record Step(int number, int block, String command, String shown) {

        int status() {
            return Integer.parseInt(checked().get(0));
        }

        /** The status and the words the answer contains: what precedes the reader's note. */
        List<String> checked() {
            return List.of(shown.split(" — ", 2)[0].trim().split("\\s+"));
        }

        /** The line that calls curl, to name the step by. */
        String firstLine() {
            return command.lines().filter(l -> l.contains("curl")).findFirst().orElse(command.strip());
        }
    }

    @Test
    void theTourRunsAsWritten() throws Exception {
        // the tour is the local run's, on its default pack; under another the answers differ by design (a grade asked)
        org.junit.jupiter.api.Assumptions.assumeTrue(org.govshare.support.Packs.IN_FORCE.equals(org.govshare.support.Packs.ZHENGZHOU),
                "the README's tour is written for the default pack, zhengzhou-2015");
        requireCurl();
        List<String> script = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<List<String>> blocks = tourBlocks(Files.readAllLines(README, StandardCharsets.UTF_8));
        for (int b = 0; b < blocks.size(); b++) {
            StringBuilder command = new StringBuilder();
            for (String line : blocks.get(b)) {
                script.add(line.replace("localhost:8080", "localhost:" + port));
                command.append(line).append('\n');
                int answer = line.indexOf(ANSWER);
                if (answer >= 0) {
                    Step step = new Step(steps.size() + 1, b + 1, command.toString(), line.substring(answer + ANSWER.length()));
                    assertThat(step.checked().get(0)).as("the answer shown for %s starts with its HTTP status", step.firstLine())
                            .matches("\\d{3}");
                    steps.add(step);
                    script.add("__tour_step " + step.number());
                    command.setLength(0);
                }
            }
            assertThat(command.toString()).as("block %d of the tour ends with a command whose answer it shows", b + 1)
                    .doesNotContain("curl");
        }
        assertThat(steps).as("the tour's commands").hasSizeGreaterThan(30);

        Path dir = prepare(script);
        Process bash = new ProcessBuilder("/bin/bash", dir.resolve("tour.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("transcript.txt").toFile()).start();
        bash.getOutputStream().close();
        if (!bash.waitFor(5, TimeUnit.MINUTES)) {
            bash.destroyForcibly();
            fail("the tour took more than 5 minutes; see " + dir.resolve("transcript.txt"));
        }

        List<String> wrong = new ArrayList<>();
        for (Step step : steps) {
            String mismatch = mismatch(step, dir);
            if (mismatch != null) {
                wrong.add("block " + step.block() + ", " + step.firstLine() + "\n    README shows: " + step.shown()
                        + "\n    " + mismatch);
            }
        }
        assertThat(wrong).as("commands of the README tour whose answer is not the one shown (the first one usually"
                + " explains the rest; the whole run is in " + dir.resolve("transcript.txt") + ")").isEmpty();
    }

    /** The bash blocks from the tour's heading to the end that call the platform, each as its lines. */
    static List<List<String>> tourBlocks(List<String> readme) {
        int start = readme.indexOf(TOUR_HEADING);
        assertThat(start).as("README.md has the heading " + TOUR_HEADING).isNotNegative();
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : readme.subList(start, readme.size())) {
            if (block == null && line.equals("```bash")) {
                block = new ArrayList<>();
            } else if (block != null && line.equals("```")) {
                if (block.stream().anyMatch(l -> l.contains("curl "))) {
                    blocks.add(block);
                }
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        return blocks;
    }

    private Path prepare(List<String> script) throws IOException {
        Path dir = WORK.toAbsolutePath();
        if (Files.exists(dir)) {
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        // the tour runs from the repository's root, as the reader does, so its sample files are found where it says
        String head = "cd '" + Path.of("").toAbsolutePath() + "'\nexport TOUR_DIR='" + dir + "'\n" + PRELUDE;
        Files.writeString(dir.resolve("tour.sh"), head + String.join("\n", script) + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** What differs between the answer shown and the one given, or null when it is the one shown. */
    private static String mismatch(Step step, Path dir) throws IOException {
        Path calls = dir.resolve(step.number() + ".calls");
        if (!Files.exists(calls)) {
            return "it never ran: the tour stopped before it";
        }
        int count = Files.readString(calls).length();
        if (count != 1) {
            return "it called curl " + count + " times; a step shows the answer of one call";
        }
        String status = Files.readString(dir.resolve(step.number() + ".status")).trim();
        String body = Files.readString(dir.resolve(step.number() + ".body"), StandardCharsets.UTF_8);
        List<String> missing = step.checked().subList(1, step.checked().size()).stream().filter(w -> !body.contains(w)).toList();
        if (!status.equals(String.valueOf(step.status())) || !missing.isEmpty()) {
            return "answered " + status + (missing.isEmpty() ? "" : ", without " + missing) + ": "
                    + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
        return null;
    }

    private static void requireCurl() throws Exception {
        Process which = new ProcessBuilder("/bin/bash", "-c", "command -v curl").redirectErrorStream(true).start();
        if (which.waitFor() != 0) {
            fail("curl is not installed: the README tour runs with it, as a newcomer would (apt-get install curl)");
        }
    }
}
