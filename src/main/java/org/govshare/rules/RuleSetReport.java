package org.govshare.rules;

import java.util.Map;

/**
 * A rule set that holds: every DRL file compiles and every scenario comes out as its file expects.
 *
 * @param version SHA-256 over the DRL files, stored with every decision made under this rule set
 * @param decisions decision → number of rules
 * @param scenarios how many scenarios ran and held
 */
public record RuleSetReport(String version, Map<String, Integer> decisions, int scenarios) {
}
