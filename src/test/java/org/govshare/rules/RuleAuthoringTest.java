package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rule author sees: problems with file, line and a sentence; scenarios that must hold; a version per rule set. */
class RuleAuthoringTest {

    @TempDir
    Path rules;

    private static final String GOOD = """
            package rules.eligibility;
            import org.govshare.catalog.SharingType;
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

    private RuleBook book() throws IOException {
        Files.createDirectories(rules.resolve("eligibility/scenarios"));
        Files.writeString(rules.resolve("eligibility/grant.drl"), GOOD);
        return new RuleBook(new RulesProperties(rules.toUri().toString()));
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
}
