package org.govshare.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.govshare.rules.catalog.CatalogCase;
import org.govshare.rules.eligibility.EligibilityCase;
import org.govshare.rules.supervision.SupervisionCase;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Rule scenarios: YAML files beside the DRL ({@code <pack>/<decision>/scenarios/*.yaml}) in which a rule author
 * says, without Java, what a decision must come to on a given case and which rules must fire. A rule set whose
 * scenarios do not hold is not put in force. The format is documented in {@code rules/README.md}. Catalog scenarios
 * expect a decision as eligibility ones do: REFUSE (a rule stops the entry) or REVIEW (it goes on to the authority's
 * reviewer, flags and all).
 */
class RuleScenarios {

    /** The case each decision's scenarios describe. */
    private static final Map<String, Class<? extends RuleCase>> CASES = Map.of("eligibility", EligibilityCase.class,
            "catalog", CatalogCase.class, "supervision", SupervisionCase.class);

    /** {@code - name: A scenario} or {@code name: "A scenario"}, with an optional comment after it. */
    private static final Pattern NAME_LINE = Pattern.compile("\\s*(?:-\\s+)?name:\\s*(['\"]?)(.*?)\\1\\s*(?:#.*)?");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record ScenarioFile(List<Scenario> scenarios) {
    }

    record Scenario(String name, JsonNode given, Expect expect) {
    }

    /**
     * What a scenario expects: for a decision that decides (eligibility), the verdict and the rules that fire; for
     * supervision, the violations found (none when the list is empty). An eligibility scenario may also name the
     * reply deadlines the rules choose ({@code replyDeadlines: [sharing-request-reply-unconditional]}, [] for none).
     */
    record Expect(Decision.Verdict decision, List<String> rules, List<ExpectedViolation> findings,
                  List<String> replyDeadlines) {
    }

    /** A violation a supervision scenario expects: the rule that finds it, OPEN or SUSPECTED, who and what about. */
    record ExpectedViolation(String rule, String status, String department, String subject) {

        static ExpectedViolation of(ViolationFinding found) {
            return new ExpectedViolation(found.rule(), found.status(), found.department(), found.subject());
        }

        @Override
        public String toString() {
            return "{" + rule + ", " + status + ", " + department + ", " + subject + "}";
        }
    }

    /** How many scenarios ran, and the problems of those that did not hold. */
    record Outcome(int run, List<RuleCompilationException.Problem> problems) {
    }

    Outcome run(RuleSources sources, Map<String, KieBase> bases) {
        int run = 0;
        List<RuleCompilationException.Problem> problems = new ArrayList<>();
        for (var decision : sources.scenariosByDecision().entrySet()) {
            Class<? extends RuleCase> caseType = CASES.get(decision.getKey());
            KieBase base = bases.get(decision.getKey());
            for (var file : decision.getValue().entrySet()) {
                if (caseType == null) {
                    problems.add(problem(file.getKey(), 0, "scenario-readable", "the decision '" + decision.getKey()
                            + "' has no scenario format; scenarios are written for " + CASES.keySet()));
                    continue;
                }
                if (base == null) {
                    continue; // its DRL does not compile: that problem is reported already
                }
                ScenarioFile scenarios;
                try {
                    scenarios = yaml.readValue(file.getValue(), ScenarioFile.class);
                } catch (JsonProcessingException e) {
                    problems.add(problem(file.getKey(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            "scenario-readable", e.getOriginalMessage()));
                    continue;
                }
                if (scenarios == null || scenarios.scenarios() == null || scenarios.scenarios().isEmpty()) {
                    problems.add(problem(file.getKey(), 1, "scenario-readable", "the file holds no scenarios"));
                    continue;
                }
                for (Scenario scenario : scenarios.scenarios()) {
                    run++;
                    check(file.getKey(), file.getValue(), scenario, caseType, base).ifPresent(problems::add);
                }
            }
        }
        return new Outcome(run, problems);
    }

    private java.util.Optional<RuleCompilationException.Problem> check(String file, String text, Scenario scenario,
                                                                       Class<? extends RuleCase> caseType, KieBase base) {
        int line = lineOf(text, scenario.name());
        boolean supervision = caseType == SupervisionCase.class;
        if (scenario.name() == null || scenario.given() == null || scenario.expect() == null
                || (supervision ? scenario.expect().findings() == null : scenario.expect().decision() == null)) {
            return java.util.Optional.of(problem(file, line, "scenario-readable", supervision
                    ? "a supervision scenario has a name, a 'given' day and facts, and an 'expect' with its findings (findings: [] for none)"
                    : "a scenario has a name, a 'given' case and an 'expect' with a decision"));
        }
        List<Object> facts;
        try {
            facts = yaml.treeToValue(scenario.given(), caseType).facts();
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.of(problem(file, line, "scenario-readable", "scenario '" + scenario.name()
                    + "': the case does not read: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
        }
        Decision decision = decide(base, facts);
        if (supervision) {
            return checkFindings(file, line, scenario, decision);
        }
        Set<String> fired = decision.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = scenario.expect().rules() == null ? null : new TreeSet<>(scenario.expect().rules());
        List<String> deadlines = scenario.expect().replyDeadlines();
        boolean holds = decision.verdict() == scenario.expect().decision() && (expected == null || expected.equals(fired))
                && (deadlines == null || deadlines.equals(decision.replyDeadlines()));
        if (holds) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(problem(file, line, "scenario-holds", "scenario '" + scenario.name() + "' expects "
                + scenario.expect().decision() + (expected == null ? "" : " by " + expected)
                + (deadlines == null ? "" : " with the reply deadlines " + deadlines) + " but the rules say "
                + decision.verdict() + " by " + fired + (deadlines == null ? "" : " with " + decision.replyDeadlines())));
    }

    /** The violations found, as {rule, status, department, subject}, against those expected: no more, no fewer. */
    private static java.util.Optional<RuleCompilationException.Problem> checkFindings(String file, int line,
                                                                                  Scenario scenario, Decision decision) {
        List<String> found = decision.violations().stream().map(ExpectedViolation::of).map(Object::toString).sorted().toList();
        List<String> expected = scenario.expect().findings().stream().map(Object::toString).sorted().toList();
        if (found.equals(expected)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(problem(file, line, "scenario-holds", "scenario '" + scenario.name() + "' expects "
                + expected + " but the rules find " + found));
    }

    static Decision decide(KieBase base, List<Object> facts) {
        StatelessKieSession session = base.newStatelessKieSession();
        Decision outcome = new Decision();
        session.setGlobal("decision", outcome);
        session.execute(facts);
        return outcome;
    }

    /**
     * The line of the scenario's name in its file, for the rule author's editor: the line that names it exactly, else
     * the first that contains the name (a name folded over lines), so that a scenario named as the beginning of
     * another's name is not placed on the other's line.
     */
    private static int lineOf(String text, String name) {
        if (name == null) {
            return 0;
        }
        List<String> lines = text.lines().toList();
        int containing = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher named = NAME_LINE.matcher(lines.get(i));
            if (named.matches() && named.group(2).equals(name)) {
                return i + 1;
            }
            if (containing == 0 && lines.get(i).contains("name:") && lines.get(i).contains(name)) {
                containing = i + 1;
            }
        }
        return containing;
    }

    private static RuleCompilationException.Problem problem(String file, int line, String rule, String message) {
        return new RuleCompilationException.Problem(file, line, 0, rule, message);
    }
}
