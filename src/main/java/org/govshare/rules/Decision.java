package org.govshare.rules;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.definition.rule.Rule;

/**
 * The outcome of running one decision's rules on a case; the DRL files see it as the global {@code decision}.
 * Every rule that fires adds a finding with its own name and article, so a refusal explains itself.
 */
public final class Decision {

    private final List<Finding> findings = new ArrayList<>();

    public void refuse(Rule rule, String field, String message) {
        findings.add(new Finding(rule.getName(), article(rule), Finding.Severity.REFUSAL, field, message));
    }

    public void flag(Rule rule, String field, String message) {
        findings.add(new Finding(rule.getName(), article(rule), Finding.Severity.FLAG, field, message));
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

    private static String article(Rule rule) {
        Object article = rule.getMetaData().get("article");
        return article == null ? "" : article.toString();
    }
}
