package org.govshare.rules;

import java.time.LocalDate;
import java.util.Map;

/**
 * A rule pack that holds: its pack.yaml is complete, every DRL file compiles and every scenario comes out as its
 * file expects.
 *
 * @param pack which pack, in which version
 * @param version SHA-256 over the DRL files and pack.yaml, stored with every decision made under this rule set
 * @param decisions decision → number of rules
 * @param scenarios how many scenarios ran and held
 */
public record RuleSetReport(Pack pack, String version, Map<String, Integer> decisions, int scenarios) {

    /**
     * The pack as the API and the health page name it.
     *
     * @param name      its folder, e.g. {@code national-2025}
     * @param version   its author's version and the first 12 characters of its digest, e.g. {@code 2026.1+3f2a…}
     * @param title     the regulation's title
     * @param effective the day the regulation came into force
     * @param steps     the optional steps it turns on
     */
    public record Pack(String name, String version, String title, LocalDate effective, java.util.List<String> steps) {

        static Pack of(RulePack pack, String digest) {
            return new Pack(pack.name(), pack.version() + "+" + digest.substring(0, 12), pack.title(), pack.effective(),
                    pack.steps().stream().map(OptionalStep::key).sorted().toList());
        }
    }
}
