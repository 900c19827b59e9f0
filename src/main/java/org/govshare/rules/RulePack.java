package org.govshare.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.govshare.supervision.ViolationTaxonomy;
import org.govshare.supervision.ViolationType;

/**
 * A jurisdiction's regulation as the platform reads it: the {@code pack.yaml} of a folder under
 * {@code rules/packs/}, beside the DRL of its decisions and their scenarios. Read by {@link RulePackFile}, which
 * refuses a file that names an unknown step, setting or violation, or leaves a needed deadline undefined.
 *
 * @param name        the folder's name, e.g. {@code national-2025}
 * @param version     the pack's own version, as its author raises it
 * @param title       the regulation's title
 * @param source      where it comes from and the articles the pack carries
 * @param effective   the day the regulation came into force
 * @param deadlines   deadline key → working days
 * @param steps       the optional steps turned on
 * @param settings    the figures that are not deadlines, each set or at its fallback
 * @param grades      the data classification grades a catalog entry chooses from (Art. 13 of the national
 *                    regulation); empty when the pack grades nothing
 * @param violations  the taxonomy: type → item
 * @param text        the whole {@code pack.yaml}, whose {@code assessment:} section the assessment's scoring reads
 */
public record RulePack(String name, String version, String title, Source source, LocalDate effective,
                       Map<String, Integer> deadlines, Set<OptionalStep> steps, Map<PackSetting, String> settings,
                       List<String> grades, Map<ViolationType, ViolationTaxonomy.Item> violations, String text) {

    public RulePack {
        deadlines = Map.copyOf(deadlines);
        steps = steps.isEmpty() ? Set.of() : Set.copyOf(steps);
        settings = Map.copyOf(settings);
        grades = List.copyOf(grades);
        violations = Map.copyOf(violations);
    }

    /**
     * Where a regulation comes from.
     *
     * @param title    its title
     * @param issuer   who issued it
     * @param also     what fills the figures it leaves open, if anything
     * @param articles article(s) → what the pack carries of them
     */
    public record Source(String title, String issuer, String also, Map<String, String> articles) {
    }

    /** Whether the pack turns a step on. */
    public boolean on(OptionalStep step) {
        return steps.contains(step);
    }

    /** The working days of a deadline key, empty when the pack does not define it. */
    public OptionalInt workingDays(String key) {
        Integer days = deadlines.get(key);
        return days == null ? OptionalInt.empty() : OptionalInt.of(days);
    }

    public boolean flag(PackSetting setting) {
        return Boolean.parseBoolean(value(setting, PackSetting.Kind.FLAG));
    }

    public Period period(PackSetting setting) {
        return Period.parse(value(setting, PackSetting.Kind.PERIOD));
    }

    public int number(PackSetting setting) {
        return Integer.parseInt(value(setting, PackSetting.Kind.NUMBER));
    }

    /** The pack's item for a type of violation; empty when the pack does not count it. */
    public Optional<ViolationTaxonomy.Item> violation(ViolationType type) {
        return Optional.ofNullable(violations.get(type));
    }

    private String value(PackSetting setting, PackSetting.Kind kind) {
        if (setting.kind() != kind) {
            throw new IllegalArgumentException(setting.key() + " is a " + setting.kind() + " setting, not a " + kind);
        }
        return settings.getOrDefault(setting, setting.fallback());
    }
}
