package org.govshare.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scoring file is checked as it is read, naming the line; the formula and the ranks follow it. */
class ScoringRulesTest {

    private static final String HEAD = "name: test\nindicators:\n";

    @Test
    void theRulePacksFileReadsAndWeighs100() throws Exception {
        Scoring scoring = ScoringRules.parse(Files.readString(Path.of("rules/packs", System.getProperty("govshare.rules.pack", "zhengzhou-2015"), ScoringRules.FILE)));
        assertThat(scoring.rules().values().stream().map(Scoring.Rule::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
    }

    @Test
    void anUnknownIndicatorANegativeWeightAndWeightsNotAddingUpTo100AreRefusedNamingTheLine() {
        assertThatThrownBy(() -> ScoringRules.parse(HEAD + "  requests-answered-on-time: {weight: 50, kind: share}\n"
                + "  speed-of-light: {weight: 50, kind: share}\n"))
                .isInstanceOf(ScoringFileException.class).hasMessageContaining("line 4").hasMessageContaining("speed-of-light");
        assertThatThrownBy(() -> ScoringRules.parse(HEAD + "  requests-answered-on-time: {weight: 110, kind: share}\n"
                + "  grants-used: {weight: -10, kind: share}\n"))
                .isInstanceOf(ScoringFileException.class).hasMessageContaining("line 4").hasMessageContaining("negative");
        assertThatThrownBy(() -> ScoringRules.parse(HEAD + "  requests-answered-on-time: {weight: 60, kind: share}\n"
                + "  grants-used: {weight: 30, kind: share}\n"))
                .isInstanceOf(ScoringFileException.class).hasMessageContaining("line 3").hasMessageContaining("add up to 90");
        assertThatThrownBy(() -> ScoringRules.parse(HEAD + "  median-reply-working-days: {weight: 100, kind: lower-is-better}\n"))
                .isInstanceOf(ScoringFileException.class).hasMessageContaining("full-at");
    }

    @Test
    void eachKindScoresAsDeclaredAndEqualTotalsShareARank() {
        Scoring scoring = ScoringRules.parse(HEAD + "  requests-answered-on-time: {weight: 40, kind: share}\n"
                + "  median-reply-working-days: {weight: 20, kind: lower-is-better, full-at: 3, zero-at: 10}\n"
                + "  data-reads: {weight: 20, kind: relative}\n"
                + "  complaints-substantiated: {weight: 20, kind: penalty, per-case: 8}\n");
        assertThat(scoring.score("requests-answered-on-time", new BigDecimal("0.75"), List.of())).isEqualByComparingTo("30");
        assertThat(scoring.score("requests-answered-on-time", null, List.of())).as("left out, by default").isEqualByComparingTo("0");
        assertThat(scoring.score("median-reply-working-days", new BigDecimal("6.5"), List.of())).isEqualByComparingTo("10");
        assertThat(scoring.score("data-reads", new BigDecimal("30"), List.of(new BigDecimal("120"), new BigDecimal("30"))))
                .isEqualByComparingTo("5");
        assertThat(scoring.score("complaints-substantiated", new BigDecimal("3"), List.of())).isEqualByComparingTo("0");
        assertThat(scoring.score("grants-used", new BigDecimal("1"), List.of())).isEqualByComparingTo("0");
        assertThat(Scoring.ranks(List.of(new BigDecimal("80"), new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("70"))))
                .containsExactly(2, 1, 2, 4);
    }

    @Test
    void nothingToMeasureIsLeftOutAndTheRestRescaledUnlessTheFileSaysFullOrZero() {
        String indicators = "indicators:\n  requests-answered-on-time: {weight: 60, kind: share}\n"
                + "  corrections-on-time: {weight: 40, kind: share}\n";
        java.util.Map<String, BigDecimal> values = new java.util.HashMap<>();
        values.put("requests-answered-on-time", new BigDecimal("0.5"));
        values.put("corrections-on-time", null);
        Scoring rescaled = ScoringRules.parse("name: test\n" + indicators);
        assertThat(rescaled.total(values, java.util.Map.of("requests-answered-on-time", new BigDecimal("30"),
                "corrections-on-time", BigDecimal.ZERO))).as("30 of the 60 measured").isEqualByComparingTo("50");
        assertThat(rescaled.total(java.util.Collections.singletonMap("corrections-on-time", null),
                java.util.Map.of("corrections-on-time", BigDecimal.ZERO))).as("nothing measured").isEqualByComparingTo("0");
        Scoring full = ScoringRules.parse("name: test\nwhen-nothing-to-measure: full\n" + indicators);
        assertThat(full.score("corrections-on-time", null, List.of())).isEqualByComparingTo("40");
        assertThat(full.total(values, java.util.Map.of("requests-answered-on-time", new BigDecimal("30"),
                "corrections-on-time", new BigDecimal("40")))).isEqualByComparingTo("70");
        assertThatThrownBy(() -> ScoringRules.parse("name: test\nwhen-nothing-to-measure: half\n" + indicators))
                .isInstanceOf(ScoringFileException.class).hasMessageContaining("rescaled, full or zero");
    }
}
