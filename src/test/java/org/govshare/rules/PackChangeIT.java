package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * When the figures of the pack change (a reload, or a restart under another version), a case keeps the deadline it
 * was given and the pack version it was opened under; only cases opened afterwards count with the new figure.
 */
class PackChangeIT extends IntegrationTest {

    private static final String PACK = RulesProperties.of("").pack();

    @Autowired
    private ManagementService management;

    @Test
    void aCaseKeepsTheDeadlineItWasGivenWhenThePackChanges() throws IOException {
        Path packFile = new ClassPathResource("rules/packs/" + PACK + "/pack.yaml").getFile().toPath();
        String shipped = Files.readString(packFile);
        JsonNode before = openConditionalRequest();
        String versionBefore = api.get("rules.sun", "/api/rules").json().path("pack").path("version").asText();
        Date timerBefore = replyTimerDue(before.path("id").asText());
        try {
            Files.writeString(packFile, shipped.replace("  sharing-request-reply: 10", "  sharing-request-reply: 30"));
            Response reloaded = api.post("rules.sun", "/api/rules/reload", "");
            assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);

            JsonNode after = openConditionalRequest();
            JsonNode kept = api.get("gaj.wang", "/api/requests/" + before.path("id").asText()).json();

            assertThat(kept.path("replyDue").asText()).isEqualTo(before.path("replyDue").asText());
            assertThat(replyTimerDue(before.path("id").asText())).isEqualTo(timerBefore);
            assertThat(Instant.parse(after.path("replyDue").asText()))
                    .isAfter(Instant.parse(before.path("replyDue").asText()).plus(java.time.Duration.ofDays(20)));
            assertThat(openedUnder(before.path("id").asText())).isEqualTo(versionBefore);
            assertThat(openedUnder(after.path("id").asText())).isEqualTo(reloaded.json().path("pack").path("version").asText())
                    .isNotEqualTo(versionBefore);
        } finally {
            Files.writeString(packFile, shipped);
            assertThat(api.post("rules.sun", "/api/rules/reload", "").status()).isEqualTo(200);
        }
    }

    private JsonNode openConditionalRequest() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        Response submitted = RequestsThroughTheSteps.ask(api, "mzj.liu",
                SharingRequestBodies.request(code, "mzj.liu", "公民身份号码", "姓名").toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    private Date replyTimerDue(String requestId) {
        String instance = jdbc.queryForObject("select process_instance_id from sharing_request where id = ?", String.class, requestId);
        return management.createJobQuery().processInstanceId(instance).timers().list().stream()
                .map(org.camunda.bpm.engine.runtime.Job::getDuedate).min(Date::compareTo).orElse(null);
    }

    private String openedUnder(String caseNumber) {
        return jdbc.queryForObject("select pack_version from case_rule_pack where business_key = ?", String.class, caseNumber);
    }
}
