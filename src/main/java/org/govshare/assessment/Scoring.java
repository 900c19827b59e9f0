package org.govshare.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The weights and the formula of the scores, as the rule pack's scoring file declares them: per indicator a weight
 * and a kind. The score of a figure is never more than its weight; the total is their sum, at most 100.
 *
 * @param name         the rule pack's name for the formula, shown in the report with the file's version
 * @param version      the first 12 hex digits of the file's SHA-256
 * @param nothing      what a figure with nothing to measure (no request was due) counts for
 * @param rules        by indicator key, in the file's order; indicators not in the file are shown, not scored
 */
record Scoring(String name, String version, NothingToMeasure nothing, Map<String, Rule> rules) {

    /** What a figure with nothing to measure counts for ({@code when-nothing-to-measure}). */
    enum NothingToMeasure {
        /**
         * it is left out: the total is the points of what was measured out of the weights of what was measured, on
         * 100, so a department with little to measure is neither rewarded nor punished for it
         */
        RESCALED,
        /** its full weight */
        FULL,
        /** nothing */
        ZERO
    }

    /** How a figure becomes points. */
    enum Kind {
        /** a share from 0 to 1: share × weight */
        SHARE,
        /** a count where more is better: value ÷ the best department's value × weight (all at 0: full weight) */
        RELATIVE,
        /** lower is better: full weight at or below {@code full-at}, nothing at or above {@code zero-at}, a line between */
        LOWER_IS_BETTER,
        /** a count of bad cases: the weight less {@code per-case} points for each, never below nothing */
        PENALTY,
        /** shown in the report, not scored (weight 0) */
        SHOWN
    }

    /**
     * @param weight  points at most
     * @param fullAt  LOWER_IS_BETTER only
     * @param zeroAt  LOWER_IS_BETTER only
     * @param perCase PENALTY only
     */
    record Rule(BigDecimal weight, Kind kind, BigDecimal fullAt, BigDecimal zeroAt, BigDecimal perCase) {
    }

    Scoring {
        rules = new LinkedHashMap<>(rules);
    }

    BigDecimal weightOf(String key) {
        Rule rule = rules.get(key);
        return rule == null ? BigDecimal.ZERO : rule.weight();
    }

    /** The name and version written into the report. */
    String rulePack() {
        return name + " (scoring.yaml " + version + ")";
    }

    /**
     * The points of one figure.
     *
     * @param all the same figure of every department assessed, for RELATIVE
     */
    BigDecimal score(String key, BigDecimal value, Collection<BigDecimal> all) {
        Rule rule = rules.get(key);
        if (rule == null || rule.kind() == Kind.SHOWN) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal weight = rule.weight();
        if (value == null) {
            return (nothing == NothingToMeasure.FULL ? weight : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal points = switch (rule.kind()) {
            case SHARE -> value.multiply(weight);
            case RELATIVE -> {
                BigDecimal best = all.stream().filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
                yield best.signum() == 0 ? weight : value.multiply(weight).divide(best, 6, RoundingMode.HALF_UP);
            }
            case LOWER_IS_BETTER -> {
                BigDecimal ratio = rule.zeroAt().subtract(value).divide(rule.zeroAt().subtract(rule.fullAt()), 6, RoundingMode.HALF_UP);
                yield weight.multiply(ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE));
            }
            case PENALTY -> weight.subtract(value.multiply(rule.perCase())).max(BigDecimal.ZERO);
            case SHOWN -> BigDecimal.ZERO;
        };
        return points.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A department's total from its figures' points: their sum, or with {@link NothingToMeasure#RESCALED} the sum out
     * of the weights of the figures that had something to measure, on 100 (0 when none had).
     *
     * @param values the department's figure by indicator key, null where there was nothing to measure
     * @param points the points of each figure, by indicator key
     */
    BigDecimal total(Map<String, BigDecimal> values, Map<String, BigDecimal> points) {
        BigDecimal sum = points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (nothing != NothingToMeasure.RESCALED) {
            return sum.setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal measured = values.entrySet().stream().filter(e -> e.getValue() != null).map(e -> weightOf(e.getKey()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return measured.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : sum.multiply(BigDecimal.valueOf(100)).divide(measured, 2, RoundingMode.HALF_UP);
    }

    /**
     * Ranks by total, best first; equal totals share a rank and the next rank skips (1, 1, 3).
     *
     * @return the rank of each total, in the order given
     */
    static List<Integer> ranks(List<BigDecimal> totals) {
        List<Integer> ranks = new ArrayList<>(totals.size());
        for (BigDecimal total : totals) {
            ranks.add(1 + (int) totals.stream().filter(other -> other.compareTo(total) > 0).count());
        }
        return ranks;
    }
}
