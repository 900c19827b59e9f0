package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.govshare.rules.supervision.AccessRefusalsFact;
import org.govshare.rules.supervision.DayFact;
import org.govshare.supervision.ViolationType;
import org.junit.jupiter.api.Test;

/**
 * The supervision scenarios in rules/supervision/scenarios/ hold on the DRL files (the working copy is put in force
 * only when they do: {@link EligibilityScenariosTest} checks that for every decision), every supervision rule is
 * named by one of them, and a finding carries what the register records.
 */
class SupervisionScenariosTest {

    private static final RuleBook RULES = new RuleBook(RulesProperties.of("file:rules/packs/"));

    @Test
    void everySupervisionRuleIsNamedByAScenario() {
        Set<String> rules = RuleFiles.ruleNames("supervision");
        Set<String> named = new TreeSet<>();
        RuleFiles.scenarios("supervision").forEach(s -> s.path("expect").path("findings")
                .forEach(f -> named.add(f.path("rule").asText())));

        assertThat(rules).as("the rules found in the DRL files, against those the compiler counts")
                .hasSize(RuleFiles.compiledRules("supervision"));
        assertThat(named).as("rules named by the scenarios that no DRL file defines (misspelled?)").isSubsetOf(rules);
        assertThat(rules).as("supervision rules without a scenario in which they fire").isSubsetOf(named);
        assertThat(RULES.decisions()).containsKey("supervision");
    }

    @Test
    void aFindingNamesTheDepartmentTheActTheSubjectTheDayAndTheEvidence() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        Decision decision = RULES.decide("supervision", List.of(new DayFact(day), new AccessRefusalsFact("civil-affairs",
                "101001/101001", "purpose-not-granted", day, 7, List.of("audit:a", "audit:b"))));

        assertThat(decision.violations()).singleElement().satisfies(found -> {
            assertThat(found.suspected()).isTrue();
            assertThat(found.status()).isEqualTo("SUSPECTED");
            assertThat(found.department()).isEqualTo("civil-affairs");
            assertThat(found.type()).isEqualTo(ViolationType.MISUSE_BEYOND_SCOPE);
            assertThat(found.subject()).isEqualTo("101001/101001 purpose-not-granted");
            assertThat(found.day()).isEqualTo(day);
            assertThat(found.evidence()).containsExactly("audit:a", "audit:b");
            assertThat(found.article()).as("the rule cites the article the pack files the violation under")
                    .contains(RULES.pack().violation(ViolationType.MISUSE_BEYOND_SCOPE).orElseThrow().item().split("\\(")[0]);
            assertThat(found.message()).contains("7 times on 2026-03-10");
        });
        assertThat(decision.findings()).as("supervision findings are not eligibility findings").isEmpty();
    }

    @Test
    void aSupervisionScenarioThatExpectsOtherFindingsIsRefusedNamingBoth() {
        String wrong = """
                scenarios:
                  - name: Four refusals expected to be enough
                    given:
                      day: 2026-03-10
                      facts:
                        - AccessRefusalsFact: {consumer: civil-affairs, resourceCode: 101001/101001,
                                               refusal: purpose-not-granted, day: 2026-03-10, refusals: 4}
                    expect:
                      findings:
                        - {rule: Five or more reads refused in a day for a purpose no grant has are suspected use beyond the grant,
                           status: SUSPECTED, department: civil-affairs, subject: 101001/101001 purpose-not-granted}
                """;
        assertThatThrownBy(() -> RULES.validate(Map.of("supervision/scenarios/wrong.yaml", wrong)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.rule()).isEqualTo("scenario-holds");
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.message()).contains("but the rules find []");
                        }));
    }

    @Test
    void aFactTheSupervisionRulesDoNotKnowIsUnreadable() {
        String unknown = """
                scenarios:
                  - name: A made-up fact
                    given:
                      day: 2026-03-10
                      facts:
                        - BribeFact: {department: civil-affairs}
                    expect:
                      findings: []
                """;
        assertThatThrownBy(() -> RULES.validate(Map.of("supervision/scenarios/unknown.yaml", unknown)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.rule()).isEqualTo("scenario-readable");
                            assertThat(p.message()).contains("'BribeFact' is not a supervision fact");
                        }));
    }

    @Test
    void aSupervisionRuleReachesNoFurtherThanItsFactsAndTheActsOfArticle33() {
        String register = """
                package rules.supervision;

                import org.govshare.supervision.ViolationRegister;
                import org.govshare.rules.supervision.OverdueReplyFact;

                global org.govshare.rules.Decision decision;

                rule "Every late reply is recorded twice"
                    @article("33")
                when
                    $late : OverdueReplyFact()
                then
                    decision.violation(drools.getRule(), $late.provider(), ViolationType.DELAYED_REPLY, $late.requestNumber(),
                            $late.dueOn(), $late.evidence(), "late");
                end
                """;
        assertThatThrownBy(() -> RULES.validate(Map.of("supervision/register.drl", register)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.rule()).isEqualTo("drl-confined");
                            assertThat(p.message()).contains("'import org.govshare.supervision.ViolationRegister' is refused")
                                    .contains("ViolationType");
                        }));
    }
}
