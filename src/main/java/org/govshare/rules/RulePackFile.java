package org.govshare.rules;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.govshare.calendar.Deadline;
import org.govshare.supervision.ViolationTaxonomy;
import org.govshare.supervision.ViolationType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a pack's {@code pack.yaml} and refuses it, naming the line and what to write, when it is not what a pack
 * must be: a key the platform does not know (a misspelt step or setting would otherwise be silently off), a
 * deadline that is missing for a step every pack or this pack turns on, a violation of no known type.
 */
final class RulePackFile {

    static final String FILE = "pack.yaml";
    private static final List<String> KEYS = List.of("name", "version", "title", "source", "effective", "deadlines",
            "steps", "settings", "classification", "violations", "assessment");
    private static final Set<String> PARTIES = Set.of("PROVIDER", "REQUESTER", "AUTHORITY");

    private final String folder;
    private final List<RuleCompilationException.Problem> problems = new ArrayList<>();

    private RulePackFile(String folder) {
        this.folder = folder;
    }

    /**
     * Reads and checks a pack.
     *
     * @param folder the pack's folder name, which its {@code name} must repeat; null when read from elsewhere
     * @throws RuleCompilationException naming every problem
     */
    static RulePack read(String folder, String text) {
        RulePackFile file = new RulePackFile(folder);
        RulePack pack = file.parse(text);
        if (!file.problems.isEmpty()) {
            throw new RuleCompilationException(file.problems);
        }
        return pack;
    }

    private RulePack parse(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text == null ? "" : text));
        } catch (YAMLException e) {
            problem(null, "pack-readable", "is not YAML: " + e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode top)) {
            problem(root, "pack-readable", "holds name, version, title, source, effective, deadlines, steps, settings,"
                    + " classification, violations and assessment");
            return null;
        }
        Map<String, Node> at = new LinkedHashMap<>();
        for (NodeTuple entry : top.getValue()) {
            String key = scalar(entry.getKeyNode());
            if (!KEYS.contains(key)) {
                problem(entry.getKeyNode(), "pack-key-known", "'" + key + "' is no key of a pack; the keys are " + KEYS);
            }
            at.put(key, entry.getValueNode());
        }
        String name = required(at, "name");
        if (folder != null && name != null && !name.equals(folder)) {
            problem(at.get("name"), "pack-name-is-folder", "name '" + name + "' must be the folder's name, '" + folder + "'");
        }
        String version = required(at, "version");
        String title = required(at, "title");
        LocalDate effective = null;
        String effectiveText = required(at, "effective");
        if (effectiveText != null) {
            try {
                effective = LocalDate.parse(effectiveText);
            } catch (DateTimeParseException e) {
                problem(at.get("effective"), "pack-effective-date", "effective is a date such as 2025-08-01, not '" + effectiveText + "'");
            }
        }
        RulePack.Source source = source(at.get("source"));
        Map<String, Integer> deadlines = new TreeMap<>();
        eachEntry(at.get("deadlines"), "deadlines", (key, value) -> {
            try {
                int days = Integer.parseInt(scalar(value));
                if (days <= 0) {
                    throw new NumberFormatException();
                }
                deadlines.put(key, days);
            } catch (NumberFormatException e) {
                problem(value, "pack-deadline-working-days", "deadlines." + key + " is a positive number of working days");
            }
        });
        Set<OptionalStep> steps = EnumSet.noneOf(OptionalStep.class);
        eachEntry(at.get("steps"), "steps", (key, value) -> OptionalStep.ofKey(key).ifPresentOrElse(step -> {
            String on = scalar(value);
            if (!on.equals("true") && !on.equals("false")) {
                problem(value, "pack-step-on-or-off", "steps." + key + " is true or false");
            } else if (on.equals("true")) {
                steps.add(step);
            }
        }, () -> problem(value, "pack-step-known", "'" + key + "' is no optional step; the steps are "
                + Arrays.stream(OptionalStep.values()).map(OptionalStep::key).toList())));
        Map<PackSetting, String> settings = new EnumMap<>(PackSetting.class);
        eachEntry(at.get("settings"), "settings", (key, value) -> PackSetting.ofKey(key).ifPresentOrElse(setting -> {
            String written = scalar(value);
            setting.mistakeIn(written).ifPresentOrElse(
                    mistake -> problem(value, "pack-setting-kind", "settings." + key + " " + mistake),
                    () -> settings.put(setting, written));
        }, () -> problem(value, "pack-setting-known", "'" + key + "' is no setting; the settings are "
                + Arrays.stream(PackSetting.values()).map(PackSetting::key).toList())));
        List<String> grades = grades(at.get("classification"));
        Map<ViolationType, ViolationTaxonomy.Item> violations = new EnumMap<>(ViolationType.class);
        eachEntry(at.get("violations"), "violations", (key, value) -> {
            ViolationType type = Arrays.stream(ViolationType.values()).filter(t -> t.name().equals(key)).findFirst().orElse(null);
            if (type == null) {
                problem(value, "pack-violation-type", "'" + key + "' is no type of violation; the types are "
                        + Arrays.toString(ViolationType.values()));
                return;
            }
            Map<String, String> item = flat(value, "violations." + key);
            String party = item.getOrDefault("party", "");
            if (item.get("item") == null || item.get("text") == null || !PARTIES.contains(party)) {
                problem(value, "pack-violation-item", "violations." + key + " has item (e.g. 39(iv)), party (one of "
                        + PARTIES + ") and text");
                return;
            }
            violations.put(type, new ViolationTaxonomy.Item(item.get("item"), party, item.get("text")));
        });
        if (at.get("assessment") == null) {
            problem(null, "pack-key-required", "assessment is missing: the weights of the annual assessment");
        }
        for (Deadline deadline : Deadline.values()) {
            boolean needed = deadline.step().map(s -> OptionalStep.ofKey(s).map(steps::contains).orElse(true)).orElse(true);
            if (needed && !deadlines.containsKey(deadline.key())) {
                problem(at.get("deadlines"), "pack-deadline-defined", "deadlines." + deadline.key() + " is missing: "
                        + deadline.step().map(s -> "the step '" + s + "' is on and asks for it").orElse("every pack needs it"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new RulePack(name, version, title, source, effective, deadlines, steps, settings, grades, violations, text);
    }

    private RulePack.Source source(Node node) {
        if (node == null) {
            problem(null, "pack-key-required", "source is missing: the regulation's title, issuer and articles");
            return null;
        }
        Map<String, String> articles = new LinkedHashMap<>();
        String title = null;
        String issuer = null;
        String also = "";
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                switch (scalar(entry.getKeyNode())) {
                    case "title" -> title = scalar(entry.getValueNode());
                    case "issuer" -> issuer = scalar(entry.getValueNode());
                    case "also" -> also = scalar(entry.getValueNode());
                    case "articles" -> articles.putAll(flat(entry.getValueNode(), "source.articles"));
                    default -> problem(entry.getKeyNode(), "pack-key-known", "source holds title, issuer, also and articles");
                }
            }
        }
        if (title == null || issuer == null || articles.isEmpty()) {
            problem(node, "pack-source", "source has a title, an issuer and articles (article → what the pack carries)");
        }
        return new RulePack.Source(title, issuer, also, articles);
    }

    private List<String> grades(Node node) {
        List<String> grades = new ArrayList<>();
        if (node == null) {
            return grades;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (scalar(entry.getKeyNode()).equals("grades") && entry.getValueNode() instanceof SequenceNode list) {
                    list.getValue().forEach(g -> grades.add(scalar(g)));
                    continue;
                }
                problem(entry.getKeyNode(), "pack-classification", "classification holds grades: a list, e.g. [一般, 重要, 核心]");
            }
        }
        return grades;
    }

    private String required(Map<String, Node> at, String key) {
        Node node = at.get(key);
        String value = node == null ? null : scalar(node);
        if (value == null || value.isBlank()) {
            problem(node, "pack-key-required", key + " is missing");
            return null;
        }
        return value;
    }

    private void eachEntry(Node node, String key, java.util.function.BiConsumer<String, Node> each) {
        if (node == null) {
            problem(null, "pack-key-required", key + " is missing (write " + key + ": {} for none)");
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "pack-readable", key + " is a mapping of key: value");
            return;
        }
        mapping.getValue().forEach(entry -> each.accept(scalar(entry.getKeyNode()), entry.getValueNode()));
    }

    private Map<String, String> flat(Node node, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            mapping.getValue().forEach(entry -> values.put(scalar(entry.getKeyNode()), scalar(entry.getValueNode())));
        } else {
            problem(node, "pack-readable", key + " is a mapping of key: value");
        }
        return values;
    }

    private String scalar(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().strip();
        }
        problem(node, "pack-readable", "a single value is expected here");
        return "";
    }

    private void problem(Node node, String rule, String message) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        int column = node == null ? 0 : node.getStartMark().getColumn() + 1;
        problems.add(new RuleCompilationException.Problem(FILE, line, column, rule, message));
    }
}
