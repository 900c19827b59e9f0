package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;
import org.govshare.rules.catalog.DataItemFact;
import org.govshare.rules.catalog.OverlapFact;
import org.govshare.rules.catalog.ResourceFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule of the Zhengzhou pack's catalog/, as written in the DRL files a rule author edits, whichever pack the run
 * is under; and, for the pack under test, every catalog rule named by a scenario of its catalog/scenarios/ (the
 * scenarios themselves hold whenever the pack is built: {@link EligibilityScenariosTest}).
 */
class CatalogRulesTest {

    private static final RuleBook RULES = new RuleBook(new RulesProperties("file:rules/packs/", "zhengzhou-2015"));

    @Test
    void everyCatalogRuleOfThePackUnderTestIsNamedByAScenario() {
        Set<String> rules = RuleFiles.ruleNames("catalog");
        Set<String> named = new TreeSet<>();
        RuleFiles.scenarios("catalog").forEach(s -> s.path("expect").path("rules").forEach(r -> named.add(r.asText())));

        assertThat(rules).as("the rules found in the DRL files, against those the compiler counts")
                .hasSize(RuleFiles.compiledRules("catalog"));
        assertThat(named).as("rules named by the scenarios that no DRL file defines (misspelled?)").isSubsetOf(rules);
        assertThat(rules).as("catalog rules without a scenario in which they fire").isSubsetOf(named);
    }

    private static ResourceFact resource(SharingType type, boolean basisCited, boolean conditionsStated) {
        return new ResourceFact("101001/101001", "public-security", false, ResourceKind.PROFESSIONAL, type, basisCited,
                conditionsStated, false);
    }

    private static Decision decide(Object... facts) {
        return RULES.decide("catalog", List.of(facts));
    }

    private static List<String> fired(Decision decision) {
        List<String> rules = new ArrayList<>();
        decision.findings().forEach(f -> rules.add(f.severity() + " " + f.rule() + " (Art. " + f.article() + ") " + f.field()));
        return rules;
    }

    @Test
    void aNonSharingResourceWithoutALegalBasisIsRefused() {
        assertThat(fired(decide(resource(SharingType.NON_SHARING, false, false)))).containsExactly(
                "REFUSAL A non-sharing resource cites the law that forbids sharing (Art. 13) legalBasis");
        assertThat(decide(resource(SharingType.NON_SHARING, true, false)).findings()).isEmpty();
    }

    @Test
    void aConditionalResourceWithoutConditionsIsRefused() {
        assertThat(fired(decide(resource(SharingType.CONDITIONAL, false, false)))).containsExactly(
                "REFUSAL A conditional resource states its conditions (Art. 13) sharingConditions");
        assertThat(decide(resource(SharingType.CONDITIONAL, false, true)).findings()).isEmpty();
    }

    @Test
    void aStateSecretInAnUnconditionalResourceIsRefusedNamingTheItem() {
        Decision decision = decide(resource(SharingType.UNCONDITIONAL, false, false),
                new DataItemFact(0, "姓名", Sensitivity.PUBLIC), new DataItemFact(1, "涉密编号", Sensitivity.STATE_SECRET));

        assertThat(fired(decision)).containsExactly(
                "REFUSAL A state secret never stands in an unconditional resource (Art. 19) items[1].sensitivity");
        assertThat(decide(resource(SharingType.CONDITIONAL, false, true),
                new DataItemFact(0, "涉密编号", Sensitivity.STATE_SECRET)).findings()).isEmpty();
    }

    @Test
    void personalDataAndCommercialSecretsInAnUnconditionalResourceAreFlagged() {
        Decision decision = decide(resource(SharingType.UNCONDITIONAL, false, false),
                new DataItemFact(0, "公民身份号码", Sensitivity.PERSONAL), new DataItemFact(1, "营业收入", Sensitivity.COMMERCIAL_SECRET));

        assertThat(decision.refused()).isFalse();
        assertThat(fired(decision)).containsExactlyInAnyOrder(
                "FLAG Personal data in an unconditional resource is shown to the reviewer (Art. 19) items[0].sensitivity",
                "FLAG A commercial secret in an unconditional resource is shown to the reviewer (Art. 19) items[1].sensitivity");
    }

    @Test
    void personalDataIsNeverOpenedToThePublic() {
        ResourceFact open = new ResourceFact("101001/101001", "public-security", false, ResourceKind.PROFESSIONAL,
                SharingType.CONDITIONAL, false, true, true);

        assertThat(fired(decide(open, new DataItemFact(0, "姓名", Sensitivity.PERSONAL)))).containsExactly(
                "REFUSAL A resource open to the public holds no personal data and no secrets (Art. 19) items[0].sensitivity");
        assertThat(decide(open, new DataItemFact(0, "机构名称", Sensitivity.PUBLIC)).findings()).isEmpty();
    }

    @Test
    void dataAnotherDepartmentPublishesAboveTheThresholdIsFlaggedAsRepeatedCollection() {
        Decision above = decide(resource(SharingType.CONDITIONAL, false, true),
                new OverlapFact("101001/101001", "常住人口", "public-security", 0.75, 0.6));
        Decision below = decide(resource(SharingType.CONDITIONAL, false, true),
                new OverlapFact("101001/101001", "常住人口", "public-security", 0.5, 0.6));

        assertThat(fired(above)).containsExactly(
                "FLAG Data another department already collects is flagged as possible repeated collection (Art. 9, 33) items");
        assertThat(above.flags().get(0).message()).contains("75%", "101001/101001", "public-security");
        assertThat(below.findings()).isEmpty();
    }

    @Test
    void aBasicResourceOutsideTheSharingAuthorityIsFlagged() {
        ResourceFact basicByDepartment = new ResourceFact("101001/101001", "public-security", false, ResourceKind.BASIC,
                SharingType.CONDITIONAL, false, true, false);
        ResourceFact basicByAuthority = new ResourceFact("101001/001001", "sharing-authority", true, ResourceKind.BASIC,
                SharingType.CONDITIONAL, false, true, false);

        assertThat(fired(decide(basicByDepartment))).containsExactly(
                "FLAG A basic resource is kept by the sharing authority (Art. 12) kind");
        assertThat(decide(basicByAuthority).findings()).isEmpty();
    }

    @Test
    void aRuleFileThatDoesNotCompileIsNamedAndTheRulesInForceStay(@TempDir Path dir) throws IOException {
        Path catalog = Files.createDirectories(dir.resolve("catalog"));
        Files.copy(Path.of("rules/packs/zhengzhou-2015/catalog/sharing-type.drl"), catalog.resolve("sharing-type.drl"));
        RuleBook book = new RuleBook(TestPacks.packIn(dir));
        Files.writeString(catalog.resolve("broken.drl"), "package rules.catalog;\nrule \"broken\"\nwhen\nthen then\nend\n");

        assertThatThrownBy(book::reload).isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).problems()).first()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo("catalog/broken.drl");
                            assertThat(p.line()).isPositive();
                        }));
        assertThat(fired(book.decide("catalog", List.of(resource(SharingType.NON_SHARING, false, false)))))
                .hasSize(1);
    }
}
