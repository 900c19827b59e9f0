package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * A rule author changes decisions and never runs code: a DRL file whose consequence would exit the JVM, write a
 * file, start a thread or call the platform's own classes, or that imports, declares a global or a function beyond
 * the rule language, is refused at validation and at reload with file, line and a sentence, and nothing of it runs.
 * Each rule here matches every eligibility scenario, so a consequence that slipped through would run at once.
 */
class RulesConfinementIT extends IntegrationTest {

    private static final String AUTHOR = "rules.sun";

    /** Line 4 takes a declaration, line 12 (column 5) the consequence. */
    private static final String RULE = """
            package rules.eligibility;

            import org.govshare.rules.eligibility.ResourceFact;
            %s
            global org.govshare.rules.Decision decision;

            rule "Every request is granted, and something else happens"
                @article("13")
            when
                ResourceFact()
            then
                %s
            end
            """;

    private static final String GRANT = "decision.grant(drools.getRule(), \"granted\");";

    @TempDir
    Path dir;

    private Path marker;
    private String inForce;

    @BeforeEach
    void rememberTheRulesInForce() {
        marker = dir.resolve("a-consequence-ran.txt");
        inForce = versionInForce();
    }

    @Test
    void exitingTheJvmIsRefusedAndTheJvmLives() {
        Response refused = validate("eligibility/exit.drl", RULE.formatted("", "System.exit(1);"));

        assertConfinedRefusal(refused, "eligibility/exit.drl:12:5", "'System.exit' is refused: a consequence only calls"
                + " decision.refuse, review, grant or flag");
        assertThat(versionInForce()).as("the platform still answers").isEqualTo(inForce);
    }

    @Test
    void writingAFileIsRefusedAndNoFileIsWritten() {
        String path = javaText(marker);
        Response withFiles = validate("eligibility/write.drl", RULE.formatted("",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(" + path + "), \"ran\");"));
        Response withWriter = validate("eligibility/writer.drl", RULE.formatted("",
                "new java.io.FileWriter(" + path + ").close();"));

        assertConfinedRefusal(withFiles, "eligibility/write.drl:12:5", "'java.nio.file.Files.writeString' is refused");
        assertConfinedRefusal(withWriter, "eligibility/writer.drl:12:5", "'new java.io.FileWriter' is refused");
        assertThat(marker).doesNotExist();
    }

    @Test
    void startingAThreadIsRefusedAndNoThreadRuns() {
        Response refused = validate("eligibility/thread.drl", RULE.formatted("",
                "new Thread(new Runnable() { public void run() { try { java.nio.file.Files.writeString("
                        + "java.nio.file.Path.of(" + javaText(marker) + "), \"ran\"); } catch (Exception e) { } } }).start();"));

        assertConfinedRefusal(refused, "eligibility/thread.drl:12:5", "'new Thread' is refused");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aStaticCallToAPlatformClassIsRefusedAndNotMade() {
        long started = System.nanoTime();
        Response refused = validate("eligibility/platform.drl", RULE.formatted("",
                "org.govshare.platform.BackgroundWorker.pause(java.time.Duration.ofSeconds(10));"));

        assertConfinedRefusal(refused, "eligibility/platform.drl:12:5",
                "'org.govshare.platform.BackgroundWorker.pause' is refused");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the pause of 10 s per scenario was never made")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anImportAGlobalOrAFunctionBeyondTheRuleLanguageIsRefusedOnItsLine() {
        Response imported = validate("eligibility/import.drl", RULE.formatted("import java.nio.file.Files;", GRANT));
        Response global = validate("eligibility/global.drl", RULE.formatted("global java.util.List sink;", GRANT));
        Response function = validate("eligibility/function.drl", RULE.formatted(
                "function void write() { java.nio.file.Files.writeString(java.nio.file.Path.of(" + javaText(marker)
                        + "), \"ran\"); }", GRANT));

        assertConfinedRefusal(imported, "eligibility/import.drl:4:1", "'import java.nio.file.Files' is refused: a rule"
                + " of the eligibility decision imports only its facts and their enums (ApplicantFact,");
        assertConfinedRefusal(global, "eligibility/global.drl:4:1", "'global java.util.List sink' is refused: the only"
                + " global is 'org.govshare.rules.Decision decision'");
        assertConfinedRefusal(function, "eligibility/function.drl:4:1", "the function 'write' is refused");
        assertThat(marker).doesNotExist();
    }

    @Test
    void reloadRefusesTheSameAndTheRulesInForceStay() throws IOException {
        Path unsafe = new ClassPathResource("rules/packs/" + RulesProperties.of("").pack() + "/eligibility").getFile().toPath().resolve("zz-unsafe.drl");
        Files.writeString(unsafe, RULE.formatted("", "java.nio.file.Files.writeString(java.nio.file.Path.of("
                + javaText(marker) + "), \"ran\");"));
        try {
            Response refused = api.post(AUTHOR, "/api/rules/reload", "");

            assertConfinedRefusal(refused, "eligibility/zz-unsafe.drl:12:5", "'java.nio.file.Files.writeString' is refused");
            assertThat(marker).doesNotExist();
        } finally {
            Files.delete(unsafe);
        }
        assertThat(versionInForce()).isEqualTo(inForce);
        assertThat(api.get(AUTHOR, "/api/rules").json().path("decisions").path("eligibility").asInt())
                .isEqualTo(TestPacks.rules("eligibility"));
    }

    private void assertConfinedRefusal(Response refused, String field, String messageStart) {
        assertRefusedAndAudited(refused, 400, field, "drl-confined");
        assertThat(refused.json().path("errors")).as(refused.body()).anySatisfy(e -> {
            assertThat(e.path("field").asText()).isEqualTo(field);
            assertThat(e.path("message").asText()).startsWith(messageStart).doesNotContain("\n");
        });
        assertThat(auditEventsOf(refused.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "INPUT_REJECTED").containsEntry("actor", AUTHOR)
                .hasEntrySatisfying("reason", reason -> assertThat(reason).asString().contains(field)));
        assertThat(versionInForce()).isEqualTo(inForce);
    }

    private Response validate(String file, String drl) {
        return api.postFiles(AUTHOR, "/api/rules/validate", Map.of(file, drl.getBytes(StandardCharsets.UTF_8)));
    }

    private String versionInForce() {
        Response rules = api.get(AUTHOR, "/api/rules");
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        return rules.json().path("version").asText();
    }

    /** A path as a Java string literal. */
    private static String javaText(Path path) {
        return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\") + "\"";
    }
}
