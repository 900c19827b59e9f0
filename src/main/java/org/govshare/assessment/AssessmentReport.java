package org.govshare.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The annual assessment of a year (Art. 31): every department's figures, computed from the database and the audit
 * trail, the scores and ranking the rule pack's weights give them, and the authority's opinion per department. The
 * figures are never typed in; the review adds words and notes, not numbers.
 *
 * @param year the year assessed
 * @param rulePack the name and version of the weights and formula the scores come from
 * @param indicators what was measured, in the order shown
 * @param departments one result per assessed department, by rank
 * @param computedAt when the figures were computed
 * @param reviewedBy the authority official who reviewed it, null in a draft
 */
public record AssessmentReport(int year, String rulePack, List<Indicator> indicators, List<DepartmentResult> departments,
                               Instant computedAt, String reviewedBy) {

    public AssessmentReport {
        indicators = List.copyOf(indicators);
        departments = List.copyOf(departments);
    }

    /**
     * One thing measured.
     *
     * @param key stable name, e.g. {@code requests-answered-on-time}
     * @param name the Chinese name shown, e.g. {@code 按时答复率}
     * @param group catalog, requests, data, corrections, use, own-requests, violations, complaints
     * @param unit {@code count}, {@code share} (0 to 1) or {@code working-days}
     * @param weight its weight in the score, from the rule pack (0 when it is shown but not scored)
     */
    public record Indicator(String key, String name, String group, String unit, BigDecimal weight) {
    }

    /**
     * A department's result.
     *
     * @param department its code
     * @param name its Chinese name
     * @param score the total score
     * @param rank 1 for the best
     * @param figures by indicator key
     * @param opinion the authority's opinion, null in a draft
     * @param improvements the improvement points the authority asks for
     */
    public record DepartmentResult(String department, String name, BigDecimal score, int rank,
                                   Map<String, Figure> figures, String opinion, List<String> improvements) {

        public DepartmentResult {
            figures = Map.copyOf(figures);
            improvements = improvements == null ? List.of() : List.copyOf(improvements);
        }
    }

    /**
     * A computed figure and what it rests on.
     *
     * @param value the figure; null when there was nothing to measure (no request to answer)
     * @param score what it adds to the total, by the rule pack's formula
     * @param cases the case numbers behind it, for the drill-down (late replies, violations), at most a few hundred
     * @param note the authority's note on it, null when none; it never changes the figure
     */
    public record Figure(BigDecimal value, BigDecimal score, List<String> cases, String note) {

        public Figure {
            cases = cases == null ? List.of() : List.copyOf(cases);
        }
    }
}
