package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.support.Api.Response;
import org.govshare.catalog.CatalogEntries;
import org.govshare.support.IntegrationTest;
import org.govshare.request.SharingRequestBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pack in force is named where an operator and a rule author look (the rules API, the health page), and every
 * case records the pack and version it was opened under. Runs under whichever pack the build chose.
 */
class RulePackIT extends IntegrationTest {

    private static final String PACK = RulesProperties.of("").pack();

    @Autowired
    private org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void theRulesApiAndTheHealthPageNameThePackAndItsVersion() {
        JsonNode pack = api.get("rules.sun", "/api/rules").json().path("pack");
        JsonNode health = api.get("owner.zhao", "/actuator/health").json().path("components").path("rulePack");

        assertThat(pack.path("name").asText()).isEqualTo(PACK);
        assertThat(pack.path("version").asText()).matches("2026\\.1\\+[0-9a-f]{12}");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("pack").asText()).isEqualTo(PACK);
        assertThat(health.path("details").path("version").asText()).isEqualTo(pack.path("version").asText());
    }

    @Test
    void aCaseRecordsThePackAndVersionItWasOpenedUnder() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        ObjectNode body = SharingRequestBodies.request(code, "mzj.liu", "统一社会信用代码");
        body.set("officials", com.fasterxml.jackson.databind.json.JsonMapper.builder().build().valueToTree(List.of("gaj.zhang")));
        Response submitted = RequestsThroughTheSteps.ask(api, "gaj.zhang", body.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String version = api.get("rules.sun", "/api/rules").json().path("pack").path("version").asText();

        Map<String, Object> row = jdbc.queryForMap("select pack, pack_version, process_key from case_rule_pack"
                + " where business_key = ?", submitted.json().path("id").asText());

        assertThat(row).containsEntry("pack", PACK).containsEntry("pack_version", version)
                .containsEntry("process_key", "sharing-request");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(submitted.json().path("id").asText())
                .list()).allSatisfy(p -> assertThat(runtime.getVariable(p.getId(), "rulePack")).isEqualTo(PACK));
    }

    @Test
    void anotherPackOfTheLibraryIsValidatedByName() {
        String other = PACK.equals("national-2025") ? "zhengzhou-2015" : "national-2025";

        Response checked = api.postFiles("rules.sun", "/api/rules/validate?pack=" + other, Map.of());
        Response missing = api.postFiles("rules.sun", "/api/rules/validate?pack=atlantis-2030", Map.of());

        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("pack").path("name").asText()).isEqualTo(other);
        assertRefusedAndAudited(missing, 400, "pack.yaml:0:0", "pack-readable");
        assertThat(api.get("rules.sun", "/api/rules").json().path("pack").path("name").asText()).isEqualTo(PACK);
    }
}
