package org.govshare.assessment;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.govshare.rules.PackInForce;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the assessment's weights from the rule pack in force, the {@code assessment:} section of its
 * {@code pack.yaml} (beside the DRL, so another city sets its own weights without Java), and checks it as it reads it: every
 * indicator named must be one the assessment measures, no weight is negative, the weights add up to 100, and each
 * kind has the settings it needs. A wrong file is refused naming its line. It is read for every assessment computed,
 * so a corrected file counts from the next computation on.
 */
@Component
class ScoringRules {

    static final String FILE = "pack.yaml";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> RULE_FIELDS = Set.of("weight", "kind", "full-at", "zero-at", "per-case");

    private final PackInForce pack;

    ScoringRules(PackInForce pack) {
        this.pack = pack;
    }

    /** The scoring in force: the pack's assessment section, checked. */
    Scoring current() {
        return parse(pack.get().text());
    }

    /** Checks a scoring file's text and reads it. */
    static Scoring parse(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new ScoringFileException(FILE, 0, "is not YAML: " + e.getMessage());
        }
        MappingNode top = mapping(root, "the file holds name, when-nothing-to-measure and indicators");
        // in a pack.yaml the weights are its assessment section; line numbers stay those of the whole file
        for (NodeTuple section : List.copyOf(top.getValue())) {
            if (scalar(section.getKeyNode()).equals("assessment")) {
                top = mapping(section.getValueNode(), "assessment holds name, when-nothing-to-measure and indicators");
                break;
            }
        }
        String name = null;
        Scoring.NothingToMeasure nothing = Scoring.NothingToMeasure.RESCALED;
        MappingNode indicators = null;
        for (NodeTuple entry : top.getValue()) {
            String key = scalar(entry.getKeyNode());
            switch (key) {
                case "name" -> name = scalar(entry.getValueNode());
                case "when-nothing-to-measure" -> {
                    String value = scalar(entry.getValueNode());
                    nothing = java.util.Arrays.stream(Scoring.NothingToMeasure.values())
                            .filter(n -> n.name().toLowerCase(java.util.Locale.ROOT).equals(value)).findFirst()
                            .orElseThrow(() -> error(entry.getValueNode(),
                                    "when-nothing-to-measure is rescaled, full or zero, not '" + value + "'"));
                }
                case "indicators" -> indicators = mapping(entry.getValueNode(), "indicators maps each indicator key to its weight and kind");
                default -> throw error(entry.getKeyNode(), "unknown setting '" + key + "': name, when-nothing-to-measure or indicators");
            }
        }
        if (name == null || name.isBlank() || indicators == null) {
            throw error(top, "the file needs a name and its indicators");
        }
        Map<String, Scoring.Rule> rules = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (NodeTuple entry : indicators.getValue()) {
            String key = scalar(entry.getKeyNode());
            if (Measure.ofKey(key).isEmpty()) {
                throw error(entry.getKeyNode(), "unknown indicator '" + key + "': the assessment measures "
                        + java.util.Arrays.stream(Measure.values()).map(Measure::key).toList());
            }
            if (rules.containsKey(key)) {
                throw error(entry.getKeyNode(), "indicator '" + key + "' is weighed twice");
            }
            Scoring.Rule rule = rule(key, mapping(entry.getValueNode(), key + " needs a weight and a kind"));
            rules.put(key, rule);
            sum = sum.add(rule.weight());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw error(indicators, "the weights add up to " + sum.stripTrailingZeros().toPlainString()
                    + ", not 100");
        }
        return new Scoring(name.strip(), version(text), nothing, rules);
    }

    private static Scoring.Rule rule(String key, MappingNode node) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple field : node.getValue()) {
            String name = scalar(field.getKeyNode());
            if (!RULE_FIELDS.contains(name)) {
                throw error(field.getKeyNode(), "unknown setting '" + name + "' of " + key + ": one of " + RULE_FIELDS);
            }
            fields.put(name, field.getValueNode());
        }
        if (!fields.containsKey("weight") || !fields.containsKey("kind")) {
            throw error(node, key + " needs a weight and a kind");
        }
        BigDecimal weight = number(fields.get("weight"), key + "'s weight");
        if (weight.signum() < 0) {
            throw error(fields.get("weight"), key + "'s weight is negative: a weight is 0 or more");
        }
        Scoring.Kind kind;
        String kindName = scalar(fields.get("kind"));
        try {
            kind = Scoring.Kind.valueOf(kindName.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw error(fields.get("kind"), "unknown kind '" + kindName + "': share, relative, lower-is-better, penalty or shown");
        }
        BigDecimal fullAt = null;
        BigDecimal zeroAt = null;
        BigDecimal perCase = null;
        switch (kind) {
            case LOWER_IS_BETTER -> {
                fullAt = required(fields, "full-at", key, node);
                zeroAt = required(fields, "zero-at", key, node);
                if (zeroAt.compareTo(fullAt) <= 0) {
                    throw error(fields.get("zero-at"), key + "'s zero-at must be above its full-at");
                }
            }
            case PENALTY -> {
                perCase = required(fields, "per-case", key, node);
                if (perCase.signum() < 0) {
                    throw error(fields.get("per-case"), key + "'s per-case is negative");
                }
            }
            case SHOWN -> {
                if (weight.signum() != 0) {
                    throw error(fields.get("weight"), key + " is shown, not scored: its weight is 0");
                }
            }
            default -> {
            }
        }
        return new Scoring.Rule(weight, kind, fullAt, zeroAt, perCase);
    }

    private static BigDecimal required(Map<String, Node> fields, String name, String key, Node node) {
        if (!fields.containsKey(name)) {
            throw error(node, key + " needs " + name);
        }
        return number(fields.get(name), key + "'s " + name);
    }

    private static BigDecimal number(Node node, String what) {
        String text = scalar(node);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(node, what + " is a number, not '" + text + "'");
        }
    }

    private static MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, what);
    }

    private static String scalar(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, "a single value is expected here");
    }

    private static ScoringFileException error(Node node, String message) {
        return new ScoringFileException(FILE, node == null ? 0 : node.getStartMark().getLine() + 1, message);
    }

    private static String version(String text) {
        return Sha256.hex(text).substring(0, 12);
    }
}
