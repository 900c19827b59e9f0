package org.govshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * The accessibility bar (GB/T 37668, WCAG 2.1 AA), checked with axe-core on the screen a browser shows. axe runs every
 * rule it has, WCAG and best practice alike; what fails the test depends on whose screen it is:
 * <ul>
 *   <li>our own pages (catalog, audit, cases, and every other page outside {@code /camunda/}): no serious and no
 *       critical violation;</li>
 *   <li>Camunda's webapps, which we customise only through their own hooks (user-styles.css, customScripts): no
 *       critical violation and no {@code color-contrast} failure.</li>
 * </ul>
 * Every violation found, above the bar or not, is written to {@code target/accessibility/<screen>.txt}, so what is
 * left below the bar stays visible.
 */
final class Accessibility {

    static final Path REPORTS = Path.of("target", "accessibility");
    private static final Set<String> OURS_FAIL_ON = Set.of("serious", "critical");
    private static final Set<String> WEBAPPS_FAIL_ON = Set.of("critical");
    private static final String ALWAYS_FAILS = "color-contrast";

    private Accessibility() {
    }

    /** The violations above the bar on the screen shown now, one line each; every violation goes to the report. */
    static List<String> aboveTheBar(WebDriver driver, String screen) {
        // axe.min.js comes from the axe-core-selenium jar: nothing is downloaded
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe could not check " + screen + ": " + results.getErrorMessage());
        }
        boolean webapp = driver.getCurrentUrl().contains("/camunda/");
        List<Rule> violations = results.getViolations();
        write(screen, driver.getCurrentUrl(), violations);
        return violations.stream()
                .filter(rule -> ALWAYS_FAILS.equals(rule.getId())
                        || (webapp ? WEBAPPS_FAIL_ON : OURS_FAIL_ON).contains(rule.getImpact()))
                .map(Accessibility::describe)
                .toList();
    }

    /** {@code rule-id (impact, n elements): help; the first five targets} */
    private static String describe(Rule rule) {
        return describe(rule, 5);
    }

    private static String describe(Rule rule, int targets) {
        List<CheckedNode> nodes = rule.getNodes();
        return rule.getId() + " (" + rule.getImpact() + ", " + nodes.size() + " element" + (nodes.size() == 1 ? "" : "s")
                + "): " + rule.getHelp() + "; " + nodes.stream().limit(targets).map(n -> String.valueOf(n.getTarget()))
                .collect(Collectors.joining(" ")) + (nodes.size() > targets ? " …" : "");
    }

    private static void write(String screen, String url, List<Rule> violations) {
        StringBuilder report = new StringBuilder(screen).append(' ').append(url).append('\n')
                .append(violations.size()).append(" rules violated\n");
        violations.forEach(rule -> report.append(describe(rule, Integer.MAX_VALUE)).append('\n'));
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(screen + ".txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
