package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Tier;
import org.govshare.rules.eligibility.EligibilityCase;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;
import org.junit.jupiter.api.Test;

/**
 * A pack for Jincheng (Shanxi) 2024, written without Java (src/test/resources/rules/packs/jincheng-2024): the
 * authority's conformity check turned on with its deadline, and a reply deadline chosen by a rule that reads whether
 * the data is on the platform. The pack is put in force only when its scenarios hold, so building it checks them.
 */
class JinchengPackTest {

    private static final RuleBook JINCHENG = new RuleBook(new RulesProperties("classpath:rules/packs/", "jincheng-2024"));

    private static Decision decide(boolean onPlatform) {
        EligibilityCase marriages = new EligibilityCase(new EligibilityCase.Resource("102001/102003", "婚姻登记信息",
                "civil-affairs", SharingType.CONDITIONAL, "《婚姻登记条例》 第二条",
                List.of(new EligibilityCase.Item("登记机关", Sensitivity.PUBLIC)), List.of(), onPlatform, ""),
                new EligibilityCase.Request(List.of("登记机关"), "统计婚姻登记机关的办理量", "《中华人民共和国统计法》 第七条",
                        "STATISTICAL_ANALYSIS", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)),
                new EligibilityCase.Applicant("human-resources", Tier.MUNICIPAL, "410100", DepartmentKind.ADMINISTRATIVE),
                List.of());
        return JINCHENG.decide("eligibility", marriages.facts());
    }

    @Test
    void thePackTurnsTheConformityCheckOnAndNamesItsDeadlines() {
        RulePack pack = JINCHENG.pack();

        assertThat(pack.name()).isEqualTo("jincheng-2024");
        assertThat(pack.on(OptionalStep.AUTHORITY_CONFORMITY_CHECK)).isTrue();
        assertThat(pack.on(OptionalStep.REQUESTER_HEAD_APPROVAL)).isFalse();
        assertThat(pack.workingDays("authority-conformity-check")).hasValue(2);
        assertThat(pack.workingDays("sharing-request-reply-on-platform")).hasValue(5);
        assertThat(pack.workingDays("sharing-request-reply")).hasValue(10);
    }

    @Test
    void dataOnThePlatformIsAnsweredInFiveWorkingDaysOtherDataInTen() {
        Decision onPlatform = decide(true);
        Decision elsewhere = decide(false);

        assertThat(onPlatform.verdict()).isEqualTo(Decision.Verdict.REVIEW);
        assertThat(onPlatform.replyDeadlines()).containsExactly("sharing-request-reply-on-platform");
        assertThat(onPlatform.flags()).extracting(Finding::rule)
                .containsExactly("Data already on the platform is answered within five working days");
        assertThat(elsewhere.verdict()).isEqualTo(Decision.Verdict.REVIEW);
        assertThat(elsewhere.replyDeadlines()).isEmpty();
    }

    @Test
    void aRuleChoosingADeadlineThePackDoesNotDefineIsRefused() {
        String drl = """
                package rules.eligibility;
                import org.govshare.rules.eligibility.ResourceFact;
                global org.govshare.rules.Decision decision;
                rule "A typo in a deadline"
                when
                    ResourceFact(onPlatform)
                then
                    decision.replyDeadline("sharing-request-reply-on-platfrom");
                end
                """;

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JINCHENG.validate("jincheng-2024",
                        java.util.Map.of("eligibility/typo.drl", drl)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.rule()).isEqualTo("deadline-defined")));
    }
}
