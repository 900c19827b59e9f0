package org.govshare.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.govshare.catalog.CatalogEntries;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval doors of a request over HTTP (national Art. 20): under a pack that turns a step on, its head decides
 * through the API as through Tasklist, and a refusal without reasons or by another department is a problem document,
 * audited; under a pack that turns it off, its door answers 409 {@code step-off}. Run under both packs
 * ({@code -Dgovshare.rules.pack=national-2025}).
 */
class RequestApprovalsIT extends IntegrationTest {

    @Autowired
    PackInForce pack;

    private String askForResidents() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        Response submitted = api.post("mzj.liu", "/api/requests",
                SharingRequestBodies.request(code, "mzj.liu", "公民身份号码").toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().path("id").asText();
    }

    @Test
    void theApplicantsHeadSendsTheRequestOnAndTheProvidersHeadLetsTheReplyTakeEffect() {
        assumeThat(pack.on(OptionalStep.REQUESTER_HEAD_APPROVAL) && pack.on(OptionalStep.PROVIDER_HEAD_APPROVAL)).isTrue();
        String id = askForResidents();
        assertThat(api.get("mzj.liu", "/api/requests/" + id).json().path("status").asText()).isEqualTo("AWAITING_APPROVAL");

        assertRefusedAndAudited(api.post("gaj.ma", "/api/requests/" + id + "/requester-approval",
                "{\"decision\":\"APPROVE\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("mzj.he", "/api/requests/" + id + "/requester-approval",
                "{\"decision\":\"REFUSE\"}"), 400, "reasons", "reasons-required");
        assertRefusedAndAudited(api.post("mzj.he", "/api/requests/" + id + "/requester-approval",
                "{\"decision\":\"MAYBE\"}"), 400, "decision", "unknown-value");
        Response approved = api.post("mzj.he", "/api/requests/" + id + "/requester-approval", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(approved.json().path("replyDue").isNull()).isFalse();
        assertRefusedAndAudited(api.post("mzj.he", "/api/requests/" + id + "/requester-approval",
                "{\"decision\":\"APPROVE\"}"), 409, null, null);

        assertThat(api.post("gaj.wang", "/api/requests/" + id + "/reply", "{\"decision\":\"APPROVE\"}").json()
                .path("status").asText()).isEqualTo("REPLY_AWAITING_APPROVAL");
        assertRefusedAndAudited(api.post("mzj.he", "/api/requests/" + id + "/reply-approval",
                "{\"decision\":\"APPROVE\"}"), 403, null, null);
        Response granted = api.post("gaj.ma", "/api/requests/" + id + "/reply-approval", "{\"decision\":\"APPROVE\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("status").asText()).isEqualTo("GRANTED");
    }

    @Test
    void aStepThePackTurnsOffAnswersStepOffNamingThePack() {
        assumeThat(pack.on(OptionalStep.AUTHORITY_CONFORMITY_CHECK)).isFalse();
        String id = askForResidents();

        Response refused = api.post("authority.li", "/api/requests/" + id + "/conformity", "{\"decision\":\"PASS\"}");

        assertRefusedAndAudited(refused, 409, "pack", "step-off");
        assertThat(refused.body()).contains(pack.get().name()).contains("authority-conformity-check");
    }
}
