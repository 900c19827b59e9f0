package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rule author checks proposed rule files over HTTP: what holds is reported with its version, what does not is
 * named by file, line and rule, nothing is put in force, and every answer is in the audit trail. (The rules here
 * are the packaged copy, target/classes/rules, not the working copy.)
 */
class RulesAuthoringIT extends IntegrationTest {

    private static final String AUTHOR = "rules.sun";
    private static final String VALIDATE = "/api/rules/validate";

    /** An unclosed parenthesis on line 11, column 17: the parser only notices it at 'then'. */
    private static final String BROKEN = """
            // a rule with a pattern left open
            package rules.eligibility;

            import org.govshare.rules.eligibility.ResourceFact;

            global org.govshare.rules.Decision decision;

            rule "A resource asked for is granted"
                @article("13")
            when
                ResourceFact(
            then
                decision.grant(drools.getRule(), "granted");
            end
            """;

    /** Expects a non-sharing resource to be granted: the rules refuse it. */
    private static final String WRONG_SCENARIO = """
            scenarios:
              - name: A non-sharing resource granted by mistake
                given:
                  resource: {code: 102001/102009, name: 收养登记档案, providerDepartment: civil-affairs, sharingType: NON_SHARING,
                             legalBasis: 《中华人民共和国民法典》 第一千一百一十条, items: [{name: 登记机关, sensitivity: PUBLIC}]}
                  request: {items: [登记机关], purpose: 统计本市收养登记数量, duty: 《中华人民共和国统计法》 第七条,
                            scenario: STATISTICAL_ANALYSIS, from: 2026-12-01, until: 2026-12-31}
                  applicant: {department: human-resources, tier: MUNICIPAL, regionCode: "410100", kind: ADMINISTRATIVE}
                expect:
                  decision: GRANT
                  rules: [A non-sharing resource is never granted]
            """;

    private String inForce;

    @BeforeEach
    void rememberTheRulesInForce() {
        inForce = versionInForce();
    }

    @Test
    void theWorkingRuleSetIsValidatedWithItsVersionAndScenarios() {
        Response valid = api.postFiles(AUTHOR, VALIDATE, Map.of());

        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        JsonNode inForceNow = api.get(AUTHOR, "/api/rules").json();
        assertThat(valid.json().path("version").asText()).isEqualTo(inForce).hasSize(64);
        assertThat(valid.json().path("scenarios").asInt()).isPositive().isEqualTo(inForceNow.path("scenarios").asInt());
        assertThat(valid.json().path("decisions").path("eligibility").asInt()).isEqualTo(TestPacks.rules("eligibility"));
        assertThat(auditEventsOf(valid.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "RULES_VALIDATED").containsEntry("actor", AUTHOR).containsEntry("object_id", inForce));
    }

    @Test
    void anUnclosedParenthesisIsNamedByFileLineAndColumnInAShortProblemWithoutAStackTrace() {
        Response refused = api.postFiles(AUTHOR, VALIDATE, Map.of("eligibility/broken.drl", utf8(BROKEN)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("eligibility/broken.drl:11:17");
        assertThat(error.path("rule").asText()).isEqualTo("drl-compiles");
        assertThat(error.path("file").asText()).isEqualTo("eligibility/broken.drl");
        assertThat(error.path("line").asInt()).isEqualTo(11);
        assertThat(error.path("column").asInt()).isEqualTo(17);
        assertThat(error.path("message").asText()).startsWith("the parenthesis opened here is not closed before 'then'")
                .doesNotContain("\n");
        assertThat(refused.body()).doesNotContain("\tat ", "\\tat ", "Exception:");
        assertThat(refused.body().getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(2048);
        assertRefusalAudited(refused, "INPUT_REJECTED");
        assertThat(auditEventsOf(refused.correlationId()).get(0).get("reason")).asString()
                .contains("eligibility/broken.drl:11:17");
        assertThat(versionInForce()).isEqualTo(inForce);
    }

    @Test
    void aMissingThenIsNamedByFileAndLineInOneSentence() {
        String noThen = BROKEN.replace("    ResourceFact(\nthen\n", "    ResourceFact()\n");
        Response refused = api.postFiles(AUTHOR, VALIDATE, Map.of("eligibility/broken.drl", utf8(noThen)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors")).hasSize(1);
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("eligibility/broken.drl:10:1");
        assertThat(error.path("message").asText()).startsWith("the rule \"A resource asked for is granted\" has no 'then'"
                + " between this 'when' and its 'end' on line 13").doesNotContain("\n");
        assertThat(versionInForce()).isEqualTo(inForce);
    }

    @Test
    void aScenarioThatDoesNotHoldIsNamedByFileAndLine() {
        Response refused = api.postFiles(AUTHOR, VALIDATE,
                Map.of("eligibility/scenarios/mistaken.yaml", utf8(WRONG_SCENARIO)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(refused.json().path("errors")).hasSize(1);
        assertThat(error.path("rule").asText()).isEqualTo("scenario-holds");
        assertThat(error.path("field").asText()).isEqualTo("eligibility/scenarios/mistaken.yaml:2:0");
        assertThat(error.path("message").asText()).isEqualTo("scenario 'A non-sharing resource granted by mistake' expects"
                + " GRANT by [A non-sharing resource is never granted] but the rules say REFUSE by"
                + " [A non-sharing resource is never granted]");
        assertRefusalAudited(refused, "INPUT_REJECTED");
        assertThat(versionInForce()).isEqualTo(inForce);
    }

    @Test
    void aFileNamedOutsideTheRulesIsRefused() {
        Response refused = api.postFiles(AUTHOR, VALIDATE, Map.of("../x.drl", utf8(BROKEN)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("rule").asText()).isEqualTo("rule-file-path");
        assertThat(error.path("field").asText()).isEqualTo("files[0]");
        assertRefusalAudited(refused, "INPUT_REJECTED");
        assertThat(versionInForce()).isEqualTo(inForce);
    }

    @Test
    void onlyARuleAuthorValidatesRules() {
        Response denied = api.postFiles("gaj.zhang", VALIDATE, Map.of("eligibility/scenarios/mistaken.yaml", utf8(WRONG_SCENARIO)));

        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(auditEventsOf(denied.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "ACCESS_DENIED").containsEntry("actor", "gaj.zhang"));
        assertThat(versionInForce()).isEqualTo(inForce);
    }

    private void assertRefusalAudited(Response refused, String action) {
        assertThat(auditEventsOf(refused.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", action).containsEntry("actor", AUTHOR).containsEntry("outcome", "REFUSED"));
    }

    private String versionInForce() {
        Response rules = api.get(AUTHOR, "/api/rules");
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        return rules.json().path("version").asText();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
