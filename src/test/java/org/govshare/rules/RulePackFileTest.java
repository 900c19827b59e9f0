package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.govshare.supervision.ViolationType;
import org.junit.jupiter.api.Test;

class RulePackFileTest {

    private static String shipped(String pack) throws IOException {
        return Files.readString(Path.of("rules/packs", pack, "pack.yaml"));
    }

    private static List<RuleCompilationException.Problem> problems(String folder, String text) {
        try {
            RulePackFile.read(folder, text);
            return List.of();
        } catch (RuleCompilationException e) {
            return e.problems();
        }
    }

    @Test
    void bothShippedPacksAreComplete() throws IOException {
        RulePack zhengzhou = RulePackFile.read("zhengzhou-2015", shipped("zhengzhou-2015"));
        RulePack national = RulePackFile.read("national-2025", shipped("national-2025"));

        assertThat(zhengzhou.steps()).isEmpty();
        assertThat(zhengzhou.workingDays("sharing-request-reply")).hasValue(10);
        assertThat(zhengzhou.violation(ViolationType.DELAYED_REPLY)).get().extracting(i -> i.item()).isEqualTo("33(iii)");
        assertThat(national.on(OptionalStep.REQUESTER_HEAD_APPROVAL)).isTrue();
        assertThat(national.workingDays("sharing-request-reply-unconditional")).hasValue(1);
        assertThat(national.workingDays("error-verification")).hasValue(10);
        assertThat(national.violation(ViolationType.DELAYED_REPLY)).get().extracting(i -> i.item()).isEqualTo("39(iv)");
        assertThat(national.grades()).containsExactly("一般数据", "重要数据", "核心数据");
        assertThat(national.period(PackSetting.USAGE_RECORD_RETENTION)).hasYears(3);
    }

    @Test
    void aStepTurnedOnWithoutItsDeadlineIsNamed() throws IOException {
        String text = shipped("zhengzhou-2015").replace("steps: {}", "steps: {delivery-deadline: true}");

        assertThat(problems("zhengzhou-2015", text)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("pack-deadline-defined");
            assertThat(p.message()).contains("deadlines.delivery is missing").contains("'delivery-deadline' is on");
        });
    }

    @Test
    void aMisspeltStepSettingOrViolationIsRefusedNotIgnored() throws IOException {
        String text = shipped("zhengzhou-2015").replace("steps: {}", "steps: {requester-head-aproval: true}")
                .replace("settings: {}", "settings: {usage-record-retention: 3 years}")
                .replace("  CONCEALMENT:", "  CONCEALED:");

        assertThat(problems("zhengzhou-2015", text)).extracting(RuleCompilationException.Problem::rule)
                .containsExactlyInAnyOrder("pack-step-known", "pack-setting-kind", "pack-violation-type");
        assertThat(problems("zhengzhou-2015", text)).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void everyPackNeedsTheDeadlinesOfThePlatformsOwnSteps() throws IOException {
        String text = shipped("zhengzhou-2015").replace("  rectification: 15\n", "");

        assertThat(problems("zhengzhou-2015", text)).singleElement().extracting(RuleCompilationException.Problem::message)
                .asString().contains("deadlines.rectification is missing: every pack needs it");
    }

    @Test
    void aPackIsNamedAfterItsFolder() throws IOException {
        assertThat(problems("jincheng-2024", shipped("zhengzhou-2015"))).singleElement()
                .extracting(RuleCompilationException.Problem::rule).isEqualTo("pack-name-is-folder");
    }
}
