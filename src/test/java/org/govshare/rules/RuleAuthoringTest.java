package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.govshare.vocabulary.SharingType;
import org.govshare.rules.eligibility.ResourceFact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rule author sees: problems with file, line and a sentence; scenarios that must hold; a version per rule set. */
class RuleAuthoringTest {

    @TempDir
    Path rules;

    private static final String GOOD = """
            package rules.eligibility;
            import org.govshare.vocabulary.SharingType;
            import org.govshare.rules.eligibility.ResourceFact;
            global org.govshare.rules.Decision decision;
            rule "An unconditional resource is granted when no rule objects"
                @article("13")
            when
                ResourceFact(sharingType == SharingType.UNCONDITIONAL)
            then
                decision.grant(drools.getRule(), "granted");
            end
            """;

    /** Two scenarios on GOOD: the first holds; the second, on line 14, holds only if its expected decision does. */
    private static String scenarios(String secondDecision) {
        return """
                scenarios:
                  - name: An unconditional resource is granted
                    given:
                      resource: {code: 103001/103001, name: 市场主体登记信息, providerDepartment: market-supervision,
                                 sharingType: UNCONDITIONAL, items: [{name: 企业名称, sensitivity: PUBLIC}]}
                      request: {items: [企业名称], purpose: 核验发起单位的主体资格, duty: 《社会组织登记管理条例》 第十一条,
                                scenario: ADMINISTRATIVE_APPROVAL, from: 2026-12-01, until: 2027-11-30}
                      applicant: {department: civil-affairs, tier: MUNICIPAL, regionCode: "410100", kind: ADMINISTRATIVE}
                    expect:
                      decision: GRANT
                      rules: [An unconditional resource is granted when no rule objects]

                  # the same case, as a rule author might get it wrong
                  - name: The same resource asked by a district department
                    given:
                      resource: {code: 103001/103001, name: 市场主体登记信息, providerDepartment: market-supervision,
                                 sharingType: UNCONDITIONAL, items: [{name: 企业名称, sensitivity: PUBLIC}]}
                      request: {items: [企业名称], purpose: 核验发起单位的主体资格, duty: 《社会组织登记管理条例》 第十一条,
                                scenario: ADMINISTRATIVE_APPROVAL, from: 2026-12-01, until: 2027-11-30}
                      applicant: {department: jinshui-civil-affairs, tier: DISTRICT, regionCode: "410105", kind: ADMINISTRATIVE}
                    expect:
                      decision: %s
                      rules: [An unconditional resource is granted when no rule objects]
                """.formatted(secondDecision);
    }

    private RuleBook book() throws IOException {
        Files.createDirectories(rules.resolve("eligibility/scenarios"));
        Files.writeString(rules.resolve("eligibility/grant.drl"), GOOD);
        return new RuleBook(TestPacks.packIn(rules));
    }

    @Test
    void anUnclosedParenthesisIsNamedByFileAndLineWithoutAStackTrace() throws IOException {
        RuleBook book = book();
        String broken = """
                package rules.eligibility;
                import org.govshare.rules.eligibility.ResourceFact;
                global org.govshare.rules.Decision decision;
                rule "Broken"
                when
                    ResourceFact(
                then
                    decision.grant(drools.getRule(), "x");
                end
                """;

        assertThatThrownBy(() -> book.validate(Map.of("eligibility/broken.drl", broken)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    RuleCompilationException.Problem problem = e.problems().get(0);
                    assertThat(e.problems()).hasSize(1);
                    assertThat(problem.file()).isEqualTo("eligibility/broken.drl");
                    assertThat(problem.line()).isEqualTo(6);
                    assertThat(problem.column()).isEqualTo(17);
                    assertThat(problem.field()).isEqualTo("eligibility/broken.drl:6:17");
                    assertThat(problem.message()).startsWith("the parenthesis opened here is not closed before 'then'");
                    assertThat(problem.message()).doesNotContain("\n").doesNotContain("at org.").hasSizeLessThan(400);
                });
    }

    @Test
    void aMissingThenIsNamedInOneSentenceAtItsRulesWhen() throws IOException {
        RuleBook book = book();
        String noThen = GOOD.replace("\nthen\n", "\n");

        assertThatThrownBy(() -> book.validate(Map.of("eligibility/grant.drl", noThen)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    RuleCompilationException.Problem problem = e.problems().get(0);
                    assertThat(problem.field()).isEqualTo("eligibility/grant.drl:7:1");
                    assertThat(problem.message()).startsWith("the rule \"An unconditional resource is granted when no rule"
                            + " objects\" has no 'then' between this 'when' and its 'end' on line 10: write 'then' before its"
                            + " actions").doesNotContain("\n").doesNotContain("at org.").hasSizeLessThan(400);
                });
    }

    @Test
    void aThenOrEndInsideAStringOrCommentIsNotTakenForTheKeyword() {
        String drl = """
                rule "when it ends"
                when
                    ResourceFact(name == "then") // then
                end
                rule "fine"
                when
                    ResourceFact()
                then
                    decision.grant(drools.getRule(), "end");
                end
                """;

        RuleCompiler.MissingThen missing = RuleCompiler.missingThen(drl);
        assertThat(missing).isEqualTo(new RuleCompiler.MissingThen("when it ends", 2, 1, 4));
        assertThat(RuleCompiler.missingThen(drl.replace("// then\nend", "// then\nthen\nend"))).isNull();
    }

    @Test
    void aMisspelledFactIsNamedByFileLineAndColumn() throws IOException {
        RuleBook book = book();
        String misspelled = GOOD.replace("ResourceFact(sharingType", "ResourceFakt(sharingType").replace("import org.govshare.rules.eligibility.ResourceFact;\n", "");

        assertThatThrownBy(() -> book.validate(Map.of("eligibility/grant.drl", misspelled)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("eligibility/grant.drl"));
                    assertThat(e.problems().get(0).line()).isEqualTo(7);
                    assertThat(e.problems().get(0).message()).contains("ResourceFakt");
                });
    }

    @Test
    void aScenarioThatDoesNotHoldRefusesTheRuleSetNamingFileLineAndScenario() throws IOException {
        RuleBook book = book();

        assertThat(book.validate(Map.of("eligibility/scenarios/grant.yaml", scenarios("GRANT"))).scenarios()).isEqualTo(2);
        assertThatThrownBy(() -> book.validate(Map.of("eligibility/scenarios/grant.yaml", scenarios("REFUSE"))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("eligibility/scenarios/grant.yaml:14:0");
                            assertThat(p.rule()).isEqualTo("scenario-holds");
                            assertThat(p.message()).isEqualTo("scenario 'The same resource asked by a district department'"
                                    + " expects REFUSE by [An unconditional resource is granted when no rule objects]"
                                    + " but the rules say GRANT by [An unconditional resource is granted when no rule objects]");
                        }));
    }

    @Test
    void aScenarioIsPlacedOnItsOwnLineWhenAnEarlierNameBeginsWithItsName() throws IOException {
        RuleBook book = book();
        String file = scenarios("REFUSE").replace("- name: An unconditional resource is granted",
                "- name: The same resource asked by a district department, as a municipal one  # first");

        assertThatThrownBy(() -> book.validate(Map.of("eligibility/scenarios/grant.yaml", file)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .extracting(RuleCompilationException.Problem::line).isEqualTo(14));
    }

    @Test
    void aMalformedScenarioFileIsNamedWithTheLineThatDoesNotRead() throws IOException {
        RuleBook book = book();
        String unknownDecision = scenarios("GRANT").replace("decision: GRANT", "decision: PERHAPS");
        String unclosed = scenarios("GRANT").replace("items: [企业名称], purpose", "items: [企业名称, purpose");

        assertThatThrownBy(() -> book.validate(Map.of("eligibility/scenarios/grant.yaml", unknownDecision)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.rule()).isEqualTo("scenario-readable");
                            assertThat(p.line()).as("the line of the decision").isEqualTo(10);
                            assertThat(p.message()).contains("PERHAPS");
                        }));
        assertThatThrownBy(() -> book.validate(Map.of("eligibility/scenarios/grant.yaml", unclosed)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.rule()).isEqualTo("scenario-readable");
                            assertThat(p.line()).isEqualTo(7);
                        }));
    }

    @Test
    void theVersionChangesWithTheDrlFilesAndNotWithTheScenarios() throws IOException {
        RuleBook book = book();
        String inForce = book.version();

        assertThat(book.validate(Map.of("eligibility/scenarios/grant.yaml", scenarios("GRANT"))).version())
                .isEqualTo(inForce);
        assertThat(book.validate(Map.of("eligibility/grant.drl", GOOD.replace("\"granted\"", "\"granted unconditionally\"")))
                .version()).isNotEqualTo(inForce).hasSize(64);
        assertThat(book.validate(Map.of("eligibility/another.drl", GOOD.replace("rule \"An", "rule \"Another"))).version())
                .isNotEqualTo(inForce);
        assertThat(book.version()).as("validating puts nothing in force").isEqualTo(inForce);
    }

    @Test
    void aReloadThatIsRefusedKeepsTheRulesInForce() throws IOException {
        RuleBook book = book();
        String inForce = book.version();
        Files.writeString(rules.resolve("eligibility/grant.drl"), GOOD.replace("\"granted\"", "\"edited\""));
        Files.writeString(rules.resolve("eligibility/scenarios/grant.yaml"), scenarios("REFUSE"));

        assertThatThrownBy(book::reload).isInstanceOfSatisfying(RuleCompilationException.class,
                e -> assertThat(e.problems()).extracting(RuleCompilationException.Problem::rule).containsExactly("scenario-holds"));
        assertThat(book.version()).isEqualTo(inForce);
        assertThat(book.decide("eligibility", List.of(unconditional())).findings())
                .extracting(Finding::message).containsExactly("granted");

        Files.writeString(rules.resolve("eligibility/scenarios/grant.yaml"), scenarios("GRANT"));
        assertThat(book.reload().version()).isNotEqualTo(inForce).isEqualTo(book.version());
        assertThat(book.decide("eligibility", List.of(unconditional())).findings())
                .extracting(Finding::message).containsExactly("edited");
    }

    private static ResourceFact unconditional() {
        return new ResourceFact("103001/103001", "市场主体登记信息", "market-supervision", SharingType.UNCONDITIONAL, "", false, "");
    }
}
