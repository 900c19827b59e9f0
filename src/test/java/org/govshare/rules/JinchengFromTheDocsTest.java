package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.govshare.rules.eligibility.ResourceFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/rule-packs.md holds as written: the Jincheng pack is built from the page alone (each
 * fenced block under its {@code <!-- file: jincheng-2024/... -->} line, the national decisions copied as the page's
 * step 1 says) and checked as the validate endpoint checks a pack, so the page cannot drift from what the platform
 * accepts.
 */
class JinchengFromTheDocsTest {

    private static final Path PAGE = Path.of("docs/rule-packs.md");
    private static final String PACK = "jincheng-2024";
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- file: " + PACK + "/(\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final String REPLY_RULE = "eligibility/on-platform.drl";
    private static final String REPLY_SCENARIOS = "eligibility/scenarios/on-platform.yaml";

    /** The national pack as shipped, which Jincheng's starts from. */
    private static final RuleBook NATIONAL = new RuleBook(new RulesProperties("file:rules/packs/", "national-2025"));

    @TempDir
    Path packs;

    @Test
    void thePageGivesThePackYamlTheReplyRuleAndItsScenariosAndSaysToCopyTheNationalDecisions() {
        assertThat(blocks()).containsOnlyKeys("pack.yaml", REPLY_RULE, REPLY_SCENARIOS);
        assertThat(RuleFiles.read(PAGE)).contains("cp -r rules/packs/national-2025/catalog rules/packs/national-2025/eligibility"
                + " rules/packs/national-2025/supervision rules/packs/jincheng-2024/");
    }

    @Test
    void thePackFromThePageHoldsWithJinchengsFigures() {
        Map<String, String> files = blocks();
        if (!vocabularyHasTheReplyDeadline()) {
            // until the eligibility facts carry onPlatform and a rule can choose a reply deadline, the page's rule
            // cannot compile: the rest of the pack must hold without it (the next test then checks the rule)
            files.remove(REPLY_RULE);
            files.remove(REPLY_SCENARIOS);
        }
        RuleBook book = build(files);

        RulePack pack = book.pack();
        assertThat(pack.name()).isEqualTo(PACK);
        assertThat(pack.on(OptionalStep.AUTHORITY_CONFORMITY_CHECK)).isTrue();
        assertThat(pack.workingDays("authority-conformity-check")).hasValue(2);
        assertThat(pack.workingDays("sharing-request-reply-on-platform")).hasValue(5);
        assertThat(pack.workingDays("sharing-request-reply")).hasValue(10);
        assertThat(book.inForce().scenarios()).as("the copied national scenarios and the page's ran").isEqualTo(
                NATIONAL.inForce().scenarios() + (files.containsKey(REPLY_SCENARIOS) ? 2 : 0));
    }

    @Test
    void theReplyRuleOfThePageChoosesFiveWorkingDaysForDataOnThePlatform() {
        assumeTrue(vocabularyHasTheReplyDeadline(), "ResourceFact.onPlatform and Decision.replyDeadline are not on this"
                + " branch yet: the page's reply rule is checked once they are");

        RuleBook book = build(blocks());

        assertThat(book.decisions().get("eligibility")).isEqualTo(NATIONAL.decisions().get("eligibility") + 1);
        assertThat(book.inForce().scenarios()).isEqualTo(NATIONAL.inForce().scenarios() + 2);
    }

    /** The page's blocks, by their path in the pack. */
    private static Map<String, String> blocks() {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher block = BLOCK.matcher(RuleFiles.read(PAGE));
        while (block.find()) {
            blocks.put(block.group(1), block.group(2) + "\n");
        }
        return blocks;
    }

    /** The pack folder made as the page says, and checked as POST /api/rules/validate checks it. */
    private RuleBook build(Map<String, String> files) {
        Path folder = packs.resolve(PACK);
        copy(Path.of("rules/packs/national-2025"), folder, List.of("catalog", "eligibility", "supervision"));
        files.forEach((path, text) -> write(folder.resolve(path), text));
        try {
            return new RuleBook(new RulesProperties(packs.toUri().toString(), PACK));
        } catch (RuleCompilationException e) {
            return fail("the pack written from docs/rule-packs.md is refused:\n  "
                    + String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
        }
    }

    private static boolean vocabularyHasTheReplyDeadline() {
        boolean onPlatform = Arrays.stream(ResourceFact.class.getRecordComponents()).anyMatch(c -> c.getName().equals("onPlatform"));
        boolean chooses = Arrays.stream(Decision.class.getMethods()).anyMatch(m -> m.getName().equals("replyDeadline"));
        return onPlatform && chooses;
    }

    private static void copy(Path from, Path to, List<String> folders) {
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(from.resolve(folder))) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> write(to.resolve(from.relativize(f).toString()), RuleFiles.read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
