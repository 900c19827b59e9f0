package org.govshare.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The rules in force: one KieBase per decision (a folder of {@code rules/}), built once from the DRL files and
 * rebuilt only on reload. A proposed rule set is put in force only when every DRL file stays inside the rule
 * language ({@link ConfinedDrl}), compiles, and every rule scenario holds; otherwise it is refused with file, line and message, and the rules in force stay in force.
 * Each decision runs in a stateless session of its own.
 */
@Service
public class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    private final RulesProperties properties;
    private final RuleCompiler compiler = new RuleCompiler();
    private final RuleScenarios scenarios = new RuleScenarios();
    private volatile InForce inForce;

    /** The compiled rule set in force, with the version stored beside every decision made under it. */
    private record InForce(RuleCompiler.Compiled compiled, String version, RuleSetReport report) {
    }

    RuleBook(RulesProperties properties) {
        this.properties = properties;
        RuleSources sources = RuleSources.read(properties.location());
        this.inForce = check(sources);
        if (sources.drlByDecision().isEmpty()) {
            log.warn("No DRL files under {}: every decision will be refused until rules are there (govshare.rules.location)",
                    properties.location());
        } else {
            log.info("Rules in force from {}: {} (version {})", properties.location(), inForce.report().decisions(),
                    inForce.version().substring(0, 12));
        }
    }

    /** Runs a decision's rules over the facts; the findings say what fired. */
    public Decision decide(String decision, Collection<?> facts) {
        KieBase rules = inForce.compiled().bases().get(decision);
        if (rules == null) {
            throw new IllegalStateException("no rules for the decision '" + decision + "' under " + properties.location()
                    + "; decisions in force: " + inForce.compiled().bases().keySet());
        }
        return RuleScenarios.decide(rules, List.copyOf(facts));
    }

    /** The version (SHA-256 over the DRL files) of the rules in force. */
    public String version() {
        return inForce.version();
    }

    /** The rule set in force: its version, decisions and scenarios. */
    public RuleSetReport inForce() {
        return inForce.report();
    }

    /**
     * Checks a proposed rule set without putting it in force: the working copy at the rules location with the
     * proposed files laid over it (a file at the same path replaces it).
     *
     * @throws RuleCompilationException naming every file that does not compile and every scenario that does not hold
     */
    public RuleSetReport validate(Map<String, String> proposed) {
        InForce candidate = check(RuleSources.read(properties.location()).with(proposed));
        compiler.discard(candidate.compiled());
        return candidate.report();
    }

    /** Rebuilds every decision from the DRL files and puts them in force, if they compile and their scenarios hold. */
    public synchronized RuleSetReport reload() {
        InForce previous = inForce;
        inForce = check(RuleSources.read(properties.location()));
        // the old KieModules would otherwise stay in the repository for the life of the JVM
        compiler.discard(previous.compiled());
        return inForce.report();
    }

    /** The decisions in force and how many rules each has. */
    public Map<String, Integer> decisions() {
        return inForce.report().decisions();
    }

    private InForce check(RuleSources sources) {
        List<RuleCompilationException.Problem> unconfined = ConfinedDrl.check(sources);
        if (!unconfined.isEmpty()) {
            // refused before anything is compiled: no part of a file that reaches beyond the rule language ever runs
            throw new RuleCompilationException(unconfined);
        }
        RuleCompiler.Compiled compiled = compiler.compile(sources);
        List<RuleCompilationException.Problem> problems = new ArrayList<>(compiled.problems());
        RuleScenarios.Outcome outcome = scenarios.run(sources, compiled.bases());
        problems.addAll(outcome.problems());
        if (!problems.isEmpty()) {
            compiler.discard(compiled);
            throw new RuleCompilationException(problems);
        }
        Map<String, Integer> counts = new TreeMap<>();
        compiled.bases().forEach((decision, base) -> counts.put(decision,
                base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum()));
        String version = sources.version();
        return new InForce(compiled, version, new RuleSetReport(version, counts, outcome.run()));
    }
}
