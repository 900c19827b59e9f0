package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The DRL files and scenarios of one decision in the working copy {@code rules/}, as the scenario tests read them. */
final class RuleFiles {

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+([\"'])(.+?)\\1");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleFiles() {
    }

    /** The folder of the pack under test: the one {@code -Dgovshare.rules.pack} names, zhengzhou-2015 when unset. */
    static final Path PACK = Path.of("rules/packs", RulesProperties.of("file:rules/packs/").pack());

    /** How many rules the compiler finds in {@code rules/<decision>/}, whether or not the scenarios hold. */
    static int compiledRules(String decision) {
        RuleCompiler compiler = new RuleCompiler();
        RuleCompiler.Compiled compiled = compiler.compile(RuleSources.read(PACK.toUri().toString()));
        try {
            assertThat(compiled.problems()).as("problems compiling rules/").isEmpty();
            return compiled.bases().get(decision).getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        } finally {
            compiler.discard(compiled);
        }
    }

    /** The names of the rules in {@code rules/<decision>/*.drl}, as written after {@code rule}. */
    static Set<String> ruleNames(String decision) {
        Set<String> names = new TreeSet<>();
        for (Path drl : files(PACK.resolve(decision), ".drl")) {
            Matcher rule = RULE_NAME.matcher(read(drl));
            while (rule.find()) {
                names.add(rule.group(2));
            }
        }
        return names;
    }

    /** The text of every DRL file of {@code <pack>/<decision>/}, one after the other. */
    static String drl(String decision) {
        StringBuilder text = new StringBuilder();
        files(PACK.resolve(decision), ".drl").forEach(drl -> text.append(read(drl)).append('\n'));
        return text.toString();
    }

    /** Every scenario of every file in {@code rules/<decision>/scenarios/}. */
    static List<JsonNode> scenarios(String decision) {
        List<JsonNode> scenarios = new ArrayList<>();
        for (Path file : files(PACK.resolve(decision).resolve("scenarios"), ".yaml")) {
            try {
                YAML.readTree(file.toFile()).path("scenarios").forEach(scenarios::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(scenarios).as("scenarios in rules/%s/scenarios/", decision).isNotEmpty();
        return scenarios;
    }

    private static List<Path> files(Path dir, String ending) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the working copy as text. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
