package org.govshare.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * National Art. 28 over HTTP: a refusal disputed and upheld, the applicant takes the ruling to the people's
 * government, the authority records its decision, final. Under a pack without the step the escalation is refused as
 * step-off. Run under both packs ({@code -Dgovshare.rules.pack=national-2025}).
 */
class DisputeEscalationIT extends IntegrationTest {

    @Autowired
    PackInForce pack;

    @Test
    void anUpheldRulingIsTakenToThePeoplesGovernmentAndItsDecisionRecordedAsFinalOrTheStepIsOff() {
        Response filed = api.post("mzj.liu", "/api/disputes", """
                {"requestId":"%s","grounds":"核验身份必须比对姓名 the name is needed"}""".formatted(DisputesIT.refusedRequest(api)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String path = "/api/disputes/" + filed.json().path("id").asText();
        for (String login : new String[] {"mzj.liu", "gaj.wang"}) {
            assertThat(api.post(login, path + "/statement", "{\"statement\":\"as filed\"}").status()).isEqualTo(200);
        }
        Response ruled = api.post("authority.li", path + "/ruling", "{\"decision\":\"UPHOLD\",\"reasons\":\"Art. 19 stands\"}");
        assertThat(ruled.json().path("status").asText()).as(ruled.body()).isEqualTo("UPHELD");
        String grounds = "{\"grounds\":\"不服协调结果 we do not accept the ruling\"}";

        if (!pack.on(OptionalStep.CROSS_LEVEL_DISPUTES)) {
            assertThat(ruled.json().path("coordination").isNull()).isTrue();
            assertRefusedAndAudited(api.post("mzj.liu", path + "/escalation", grounds), 409, "pack", "step-off");
            return;
        }
        assertThat(ruled.json().path("coordination").path("level").asText()).isEqualTo("SAME_LEVEL");
        assertThat(ruled.json().path("coordination").path("authority").asText()).isEqualTo("sharing-authority");
        assertThat(ruled.json().path("escalationDue").asText()).isNotBlank();
        assertRefusedAndAudited(api.post("scj.yang", path + "/escalation", grounds), 403, null, null);
        assertRefusedAndAudited(api.post("mzj.liu", path + "/escalation", "{\"grounds\":\" \"}"), 400, "grounds",
                "grounds-required");
        assertRefusedAndAudited(api.post("authority.li", path + "/government-decision",
                "{\"reference\":\"郑政〔2026〕12号\",\"text\":\"x\",\"outcome\":\"RULING_CONFIRMED\"}"), 409, "status", "not-waiting");

        Response escalated = api.post("mzj.liu", path + "/escalation", grounds);
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.json().path("status").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.json().path("escalation").path("side").asText()).isEqualTo("APPLICANT");
        assertRefusedAndAudited(api.post("gaj.wang", path + "/escalation", grounds), 409, "status", "escalation-period");
        assertThat(api.get("gaj.wang", "/api/notices").json().findValuesAsText("kind")).contains("DISPUTE_ESCALATED");

        assertRefusedAndAudited(api.post("mzj.liu", path + "/government-decision",
                "{\"reference\":\"郑政〔2026〕12号\",\"text\":\"x\",\"outcome\":\"RULING_CONFIRMED\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("authority.li", path + "/government-decision", "{\"outcome\":\"PERHAPS\"}"), 400,
                "reference", "decision-reference");
        Response decided = api.post("authority.li", path + "/government-decision", """
                {"reference":"郑政〔2026〕12号","text":"维持协调结果 the ruling stands","outcome":"RULING_CONFIRMED"}""");

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.json().path("governmentDecision").path("reference").asText()).isEqualTo("郑政〔2026〕12号");
        assertThat(decided.json().path("governmentDecision").path("recordedBy").asText()).isEqualTo("authority.li");
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("DISPUTE_DECIDED");
        assertThat(jdbc.queryForList("select action from audit_event where object_id = ?", String.class,
                decided.json().path("id").asText())).contains("DISPUTE_ESCALATED", "DISPUTE_GOVERNMENT_DECISION_RECORDED");
        assertRefusedAndAudited(api.post("gaj.wang", path + "/escalation", grounds), 409, "status", "escalation-period");
    }
}
