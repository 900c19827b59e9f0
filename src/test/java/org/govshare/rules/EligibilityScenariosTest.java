package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Tier;
import org.govshare.rules.eligibility.EligibilityCase;
import org.junit.jupiter.api.Test;

/**
 * The eligibility scenarios in rules/eligibility/scenarios/ hold on the DRL files a rule author edits, and every
 * eligibility rule is named by at least one of them: a new rule without a scenario fails the build.
 */
class EligibilityScenariosTest {

    @Test
    void everyScenarioHoldsOnTheWorkingCopy() {
        RuleSetReport report;
        try {
            report = new RuleBook(RulesProperties.of("file:rules/packs/")).inForce();
        } catch (RuleCompilationException e) {
            fail("the rule set in rules/ is refused:\n  " + String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
            return;
        }
        assertThat(report.scenarios()).as("scenarios run, against those written in the files").isEqualTo(
                RuleFiles.scenarios("eligibility").size() + RuleFiles.scenarios("catalog").size()
                        + RuleFiles.scenarios("supervision").size());
    }

    @Test
    void everyEligibilityRuleIsNamedByAScenario() {
        Set<String> rules = RuleFiles.ruleNames("eligibility");
        Set<String> named = new TreeSet<>();
        RuleFiles.scenarios("eligibility").forEach(s -> s.path("expect").path("rules").forEach(r -> named.add(r.asText())));

        assertThat(rules).as("the rules found in the DRL files, against those the compiler counts")
                .hasSize(RuleFiles.compiledRules("eligibility"));
        assertThat(named).as("rules named by the scenarios that no DRL file defines (misspelled?)").isSubsetOf(rules);
        Set<String> unnamed = new TreeSet<>(rules);
        unnamed.removeAll(named);
        assertThat(unnamed).as("eligibility rules without a scenario in rules/eligibility/scenarios/: write one where"
                + " each fires").isEmpty();
    }

    /** A duty cited that the provider does not share for: refused under every pack (a missing one is not, nationally). */
    @Test
    void refusalsSayWhy() {
        RuleBook rules = new RuleBook(RulesProperties.of("file:rules/packs/"));
        EligibilityCase.Request request = new EligibilityCase.Request(List.of("收养登记日期"), "统计本市收养登记数量",
                "《中华人民共和国民法典》 第一千一百零五条",
                "STATISTICAL_ANALYSIS", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        EligibilityCase.Applicant applicant = new EligibilityCase.Applicant("human-resources", Tier.MUNICIPAL, "410100",
                DepartmentKind.ADMINISTRATIVE);
        EligibilityCase adoptions = new EligibilityCase(new EligibilityCase.Resource("102001/102009", "收养登记档案",
                "civil-affairs", SharingType.NON_SHARING, "《中华人民共和国民法典》 第一千一百一十条",
                List.of(new EligibilityCase.Item("收养登记日期", Sensitivity.PUBLIC)),
                List.of(new EligibilityCase.Condition(ConditionType.LEGAL_DUTY_REQUIRED, "《中华人民共和国统计法》"))),
                request, applicant, List.of());

        assertThat(rules.decide("eligibility", adoptions.facts()).refusals())
                .extracting(Finding::field, Finding::message).containsExactlyInAnyOrder(
                        tuple("resourceCode", "the provider does not share this resource, under 《中华人民共和国民法典》 第一千一百一十条"),
                        tuple("duty", "the provider shares this resource for duties under 《中华人民共和国统计法》;"
                                + " the cited duty 《中华人民共和国民法典》 第一千一百零五条 is not one of them"));
    }
}
