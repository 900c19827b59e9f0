package org.govshare.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govshare.supervision.ViolationType;

import org.kie.api.definition.rule.Rule;

/**
 * The outcome of running one decision's rules on a case; the DRL files see it as the global {@code decision}.
 * Every rule that fires adds a finding with its own name and article, so a refusal explains itself.
 */
public final class Decision {

    private final List<Finding> findings = new ArrayList<>();
    private final List<ViolationFinding> violations = new ArrayList<>();
    private final List<String> replyDeadlines = new ArrayList<>();

    public void refuse(Rule rule, String field, String message) {
        findings.add(new Finding(rule.getName(), article(rule), Finding.Severity.REFUSAL, field, message));
    }

    public void flag(Rule rule, String field, String message) {
        findings.add(new Finding(rule.getName(), article(rule), Finding.Severity.FLAG, field, message));
    }

    /** The case goes to a person (the provider's reviewer) to decide. */
    public void review(Rule rule, String field, String message) {
        findings.add(new Finding(rule.getName(), article(rule), Finding.Severity.REVIEW, field, message));
    }

    /**
     * The reply deadline of a request sent to review, by its key in the pack's {@code deadlines:} (national Art. 21:
     * by sharing type); without a choice the provider has {@code sharing-request-reply}. RuleBook refuses a file that
     * chooses a key the pack does not define.
     */
    public void replyDeadline(String key) {
        replyDeadlines.add(key);
    }

    /** The reply deadlines the rules chose, in the order they fired; the request takes the shortest. */
    public List<String> replyDeadlines() {
        return List.copyOf(replyDeadlines);
    }

    /** The case may be granted, unless another rule refuses it or sends it to review. */
    public void grant(Rule rule, String message) {
        findings.add(new Finding(rule.getName(), article(rule), Finding.Severity.GRANT, null, message));
    }

    /**
     * A supervision rule found an act of Art. 33 on a hard fact (a deadline passed): recorded OPEN.
     *
     * @param evidence case numbers, {@code audit:<id>}, {@code version:<n>}
     */
    public void violation(Rule rule, String department, ViolationType type, String subject, LocalDate day,
                          List<String> evidence, String message) {
        violations.add(new ViolationFinding(rule.getName(), article(rule), false, department, type, subject, day, evidence,
                message));
    }

    /** A supervision rule found an act of Art. 33 from figures: recorded SUSPECTED, for the authority to decide. */
    public void suspect(Rule rule, String department, ViolationType type, String subject, LocalDate day,
                        List<String> evidence, String message) {
        violations.add(new ViolationFinding(rule.getName(), article(rule), true, department, type, subject, day, evidence,
                message));
    }

    /** What the supervision rules found, in the order they fired. */
    public List<ViolationFinding> violations() {
        return List.copyOf(violations);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public List<Finding> refusals() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.REFUSAL).toList();
    }

    public List<Finding> flags() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.FLAG).toList();
    }

    public boolean refused() {
        return !refusals().isEmpty();
    }

    /**
     * What the findings add up to: any refusal refuses; otherwise any review sends the case to a person; otherwise
     * a grant grants. When no rule said anything the case goes to review: silence never grants.
     */
    public Verdict verdict() {
        if (refused()) {
            return Verdict.REFUSE;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Finding.Severity.REVIEW)) {
            return Verdict.REVIEW;
        }
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.GRANT) ? Verdict.GRANT : Verdict.REVIEW;
    }

    /** The findings that carry the verdict: the refusals of a refusal, the reviews of a review, the grants of a grant. */
    public List<Finding> reasons() {
        Finding.Severity carrying = switch (verdict()) {
            case REFUSE -> Finding.Severity.REFUSAL;
            case REVIEW -> Finding.Severity.REVIEW;
            case GRANT -> Finding.Severity.GRANT;
        };
        return findings.stream().filter(f -> f.severity() == carrying).toList();
    }

    public enum Verdict {
        GRANT,
        REVIEW,
        REFUSE
    }

    private static String article(Rule rule) {
        Object article = rule.getMetaData().get("article");
        return article == null ? "" : article.toString();
    }
}
