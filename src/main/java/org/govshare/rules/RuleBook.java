package org.govshare.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The rule pack in force ({@code govshare.rules.pack}): its {@code pack.yaml} and one KieBase per decision (a folder
 * of the pack), built once from the DRL files and rebuilt only on reload. A proposed pack is put in force only when
 * its {@code pack.yaml} is complete ({@link RulePackFile}), every DRL file stays inside the rule language
 * ({@link ConfinedDrl}) and compiles, every violation a rule records is in the pack's taxonomy, every deadline a
 * rule chooses is defined, and every rule scenario holds; otherwise it is refused with file, line and message, and
 * the pack in force stays in force. Each decision runs in a stateless session of its own.
 */
@Service
public class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    /** A violation a rule records, e.g. {@code ViolationType.DELAYED_REPLY}. */
    private static final Pattern VIOLATION = Pattern.compile("ViolationType\\.([A-Z_]+)");
    /** A reply deadline a rule chooses, e.g. {@code replyDeadline("sharing-request-reply-unconditional")}. */
    private static final Pattern REPLY_DEADLINE = Pattern.compile("replyDeadline\\(\\s*\"([^\"]*)\"");

    private final RulesProperties properties;
    private final List<PackSectionCheck> sectionChecks;
    private final RuleCompiler compiler = new RuleCompiler();
    private final RuleScenarios scenarios = new RuleScenarios();
    private volatile InForce inForce;

    /** The compiled pack in force, with the version stored beside every decision made under it. */
    private record InForce(RulePack pack, RuleCompiler.Compiled compiled, String version, RuleSetReport report) {
    }

    /** The pack alone, for tests and tools that need no other part of the platform to check its sections. */
    public RuleBook(RulesProperties properties) {
        this(properties, List.of());
    }

    @org.springframework.beans.factory.annotation.Autowired
    RuleBook(RulesProperties properties, List<PackSectionCheck> sectionChecks) {
        this.properties = properties;
        this.sectionChecks = List.copyOf(sectionChecks);
        RuleSources sources = RuleSources.read(properties.packLocation());
        this.inForce = check(properties.pack(), sources);
        log.info("Rule pack in force: {} {} from {}: {} (digest {})", inForce.pack().name(), inForce.pack().version(),
                properties.packLocation(), inForce.report().decisions(), inForce.version().substring(0, 12));
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

    /** The version (SHA-256 over the DRL files and pack.yaml) of the rules in force. */
    public String version() {
        return inForce.version();
    }

    /** The pack in force: its figures, steps, settings and taxonomy. */
    public RulePack pack() {
        return inForce.pack();
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
        return validate(properties.pack(), proposed);
    }

    /**
     * Checks a pack of the library (a folder beside the pack in force, e.g. one a rule author is writing for another
     * jurisdiction) with the proposed files laid over it, without putting it in force.
     */
    public RuleSetReport validate(String pack, Map<String, String> proposed) {
        InForce candidate = check(pack, RuleSources.read(properties.locationOf(pack)).with(proposed));
        compiler.discard(candidate.compiled());
        return candidate.report();
    }

    /** Rebuilds every decision from the DRL files and puts them in force, if they compile and their scenarios hold. */
    public synchronized RuleSetReport reload() {
        InForce previous = inForce;
        inForce = check(properties.pack(), RuleSources.read(properties.packLocation()));
        // the old KieModules would otherwise stay in the repository for the life of the JVM
        compiler.discard(previous.compiled());
        return inForce.report();
    }

    /** The decisions in force and how many rules each has. */
    public Map<String, Integer> decisions() {
        return inForce.report().decisions();
    }

    private InForce check(String packName, RuleSources sources) {
        if (sources.packFile() == null) {
            throw new RuleCompilationException(List.of(new RuleCompilationException.Problem(RulePackFile.FILE, 0, 0,
                    "pack-readable", "no pack.yaml in " + properties.locationOf(packName) + ": is '" + packName
                    + "' a pack's folder under " + properties.location() + "?")));
        }
        RulePack pack = RulePackFile.read(packName, sources.packFile());
        List<RuleCompilationException.Problem> sections = new ArrayList<>();
        sectionChecks.forEach(c -> sections.addAll(c.check(sources.packFile())));
        sections.addAll(namedInRules(pack, sources));
        if (!sections.isEmpty()) {
            throw new RuleCompilationException(sections);
        }
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
        return new InForce(pack, compiled, version, new RuleSetReport(RuleSetReport.Pack.of(pack, version), version,
                counts, outcome.run()));
    }

    /** What the DRL names that the pack must define: the violations it records, the reply deadlines it chooses. */
    private static List<RuleCompilationException.Problem> namedInRules(RulePack pack, RuleSources sources) {
        List<RuleCompilationException.Problem> problems = new ArrayList<>();
        sources.drlByDecision().values().forEach(files -> files.forEach((path, text) -> {
            String[] lines = text.split("\\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher violation = VIOLATION.matcher(lines[i]);
                while (violation.find()) {
                    String type = violation.group(1);
                    boolean counted = pack.violations().keySet().stream().anyMatch(t -> t.name().equals(type));
                    if (!counted) {
                        problems.add(new RuleCompilationException.Problem(path, i + 1, violation.start() + 1,
                                "violation-in-taxonomy", "records " + type + ", which the pack's violations (pack.yaml) do not list"));
                    }
                }
                Matcher deadline = REPLY_DEADLINE.matcher(lines[i]);
                while (deadline.find()) {
                    if (pack.workingDays(deadline.group(1)).isEmpty()) {
                        problems.add(new RuleCompilationException.Problem(path, i + 1, deadline.start() + 1,
                                "deadline-defined", "chooses the deadline '" + deadline.group(1)
                                + "', which the pack's deadlines (pack.yaml) do not define"));
                    }
                }
            }
        }));
        return problems;
    }
}
