package org.govshare.request.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request's reply period over HTTP (national Art. 21): the extension approved, refused, asked twice, too long or
 * too late; the one notice of missing materials, a second refused, the supplement and the lapse; a refusal for
 * missing materials refused. Run under {@code -Dgovshare.rules.pack=national-2025}; under a pack without the steps
 * (the default) the endpoints answer 409 {@code step-off}, which the last test shows.
 */
class ReplyPeriodIT extends IntegrationTest {

    @Autowired
    PackInForce pack;

    @Autowired
    WorkdayCalendar workdays;

    @Autowired
    ManagementService managementService;

    private void national() {
        assumeTrue(pack.on(OptionalStep.REPLY_EXTENSION) && pack.on(OptionalStep.MATERIALS_SUPPLEMENT),
                "the pack in force takes neither step: see theStepsAreOffUnderAPackWithoutThem");
    }

    /** Civil Affairs asks for Public Security's residents, which wait for Public Security's review. */
    private JsonNode requestInReview() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        Response asked = RequestsThroughTheSteps.ask(api, "mzj.liu",
                SharingRequestBodies.request(code, "mzj.liu", "公民身份号码", "姓名").toString());
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("IN_REVIEW");
        return asked.json();
    }

    private JsonNode request(String id) {
        return api.get("mzj.liu", "/api/requests/" + id).json();
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    private Response askExtension(String id, int workingDays) {
        return api.post("gaj.wang", "/api/requests/" + id + "/extension",
                "{\"workingDays\":" + workingDays + ",\"reasons\":\"需要向省厅调取历史档案 the archive is held by the province\"}");
    }

    private String instanceOf(String id, String process) {
        return jdbc.queryForObject("select process_instance_id from " + process + " where id = ?", String.class, id);
    }

    private void runTimer(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    @Test
    void anApprovedExtensionMovesTheReplyDeadlineAndTheApplicantIsTold() {
        national();
        JsonNode request = requestInReview();
        String id = request.path("id").asText();
        Instant due = instant(request.path("replyDue"));

        Response asked = askExtension(id, 5);
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().path("status").asText()).isEqualTo("ASKED");
        assertThat(auditEventsOf(asked.correlationId())).extracting(e -> e.get("action")).contains("REPLY_EXTENSION_ASKED");
        assertThat(api.get("authority.li", "/engine-rest/task?taskDefinitionKey=Task_DecideExtension&processInstanceBusinessKey=" + id)
                .json()).hasSize(1);
        assertRefusedAndAudited(api.post("gaj.wang", "/api/requests/" + id + "/extension/decision",
                "{\"decision\":\"APPROVE\"}"), 403, null, null);

        Response approved = api.post("authority.li", "/api/requests/" + id + "/extension/decision", "{\"decision\":\"APPROVE\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().path("decidedBy").asText()).isEqualTo("authority.li");
        Instant moved = workdays.after(due, 5);
        assertThat(instant(request(id).path("replyDue"))).isEqualTo(moved);
        assertThat(instant(approved.json().path("replyDueAfter"))).isEqualTo(moved);
        assertThat(auditEventsOf(approved.correlationId())).extracting(e -> e.get("action"))
                .contains("REPLY_EXTENSION_APPROVED", "REQUEST_REPLY_DUE_MOVED");
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("REPLY_EXTENSION_APPROVED");
        assertThat(api.get("scj.yang", "/api/requests/" + id + "/extension").status()).isEqualTo(403);
    }

    @Test
    void aRefusedExtensionNeedsReasonsAndLeavesTheDeadline() {
        national();
        JsonNode request = requestInReview();
        String id = request.path("id").asText();
        askExtension(id, 3);

        assertRefusedAndAudited(api.post("authority.li", "/api/requests/" + id + "/extension/decision",
                "{\"decision\":\"REFUSE\"}"), 400, "reasons", "refusal-needs-reasons");
        Response refused = api.post("authority.li", "/api/requests/" + id + "/extension/decision",
                "{\"decision\":\"REFUSE\",\"reasons\":\"档案可在线调取 the archive is online\"}");

        assertThat(refused.json().path("status").asText()).as(refused.body()).isEqualTo("REFUSED");
        assertThat(request(id).path("replyDue").asText()).isEqualTo(request.path("replyDue").asText());
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("REPLY_EXTENSION_REFUSED");
    }

    @Test
    void oneExtensionOfAtMostThePacksDaysAskedBeforeTheReplyIsDue() {
        national();
        String id = requestInReview().path("id").asText();

        assertRefusedAndAudited(askExtension(id, 11), 400, "workingDays", "extension-within-pack");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/requests/" + id + "/extension",
                "{\"workingDays\":2,\"reasons\":\"x\"}"), 403, null, null);
        assertThat(askExtension(id, 10).status()).isEqualTo(200);
        assertRefusedAndAudited(askExtension(id, 2), 409, "extension", "one-extension-per-request");

        String late = requestInReview().path("id").asText();
        runTimer(instanceOf(late, "sharing_request"), "Timer_ReplyDeadline");
        assertRefusedAndAudited(askExtension(late, 2), 409, "replyDue", "extension-before-reply-due");
    }

    @Test
    void oneNoticeOfMissingMaterialsAndTheSupplementRestartsTheReplyPeriod() {
        national();
        String id = requestInReview().path("id").asText();
        String notice = "{\"items\":[\"低保申请受理回执 the receipt\",\"经办人授权书 the mandate\"],\"note\":\"扫描件即可\"}";

        assertRefusedAndAudited(api.post("gaj.wang", "/api/requests/" + id + "/missing-materials", "{\"items\":[\" \"]}"),
                400, "items", "notice-lists-materials");
        Response sent = api.post("gaj.wang", "/api/requests/" + id + "/missing-materials", notice);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Instant supplementDue = instant(sent.json().path("supplementDue"));
        assertThat(instant(request(id).path("replyDue"))).isAfter(supplementDue);
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("MATERIALS_MISSING");
        assertRefusedAndAudited(api.post("gaj.wang", "/api/requests/" + id + "/missing-materials", notice),
                409, "items", "one-supplement-notice");
        assertRefusedAndAudited(api.post("gaj.zhang", "/api/requests/" + id + "/supplement", "{\"materials\":\"x\"}"),
                403, null, null);

        Response supplemented = api.post("mzj.liu", "/api/requests/" + id + "/supplement",
                "{\"materials\":\"回执与授权书 receipt and mandate\",\"files\":[\"回执.pdf\"]}");

        assertThat(supplemented.status()).as(supplemented.body()).isEqualTo(200);
        assertThat(supplemented.json().path("status").asText()).isEqualTo("SUPPLEMENTED");
        Instant restarted = workdays.due("sharing-request-reply", instant(supplemented.json().path("supplementedAt")));
        assertThat(instant(request(id).path("replyDue"))).isEqualTo(restarted);
        assertThat(request(id).path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(auditEventsOf(supplemented.correlationId())).extracting(e -> e.get("action"))
                .contains("MATERIALS_SUPPLEMENTED", "REQUEST_REPLY_DUE_MOVED");
    }

    @Test
    void aNoticeAndAnExtensionSentAtOnceTakeTurnsAndOneOfThemIsRefused() throws Exception {
        national();
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String id = requestInReview().path("id").asText();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                var notice = both.submit(() -> {
                    go.await();
                    return api.post("gaj.wang", "/api/requests/" + id + "/missing-materials", "{\"items\":[\"回执 the receipt\"]}");
                });
                var extension = both.submit(() -> {
                    go.await();
                    return askExtension(id, 5);
                });
                go.countDown();
                List<Response> answers = List.of(notice.get(), extension.get());
                assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
                Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
                assertRefusedAndAudited(refused, 409, null, null);
                assertThat(refused.json().path("errors").findValuesAsText("rule")).as(refused.body())
                        .containsAnyOf("no-notice-while-extension-asked", "no-extension-while-materials-awaited");
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void noSupplementInTimeAndTheRequestLapses() {
        national();
        String id = requestInReview().path("id").asText();
        api.post("gaj.wang", "/api/requests/" + id + "/missing-materials", "{\"items\":[\"低保申请受理回执 the receipt\"]}");

        runTimer(instanceOf(id, "materials_notice"), "Timer_SupplementDeadline");

        assertThat(request(id).path("status").asText()).isEqualTo("LAPSED");
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("REQUEST_LAPSED");
        assertThat(api.get("gaj.wang", "/api/notices").json().findValuesAsText("kind")).contains("REQUEST_LAPSED");
        assertThat(api.get("gaj.wang", "/engine-rest/task?processInstanceBusinessKey=" + id).json()).isEmpty();
        assertRefusedAndAudited(api.post("mzj.liu", "/api/requests/" + id + "/supplement", "{\"materials\":\"late\"}"),
                409, "status", "supplement-awaited-only");
    }

    @Test
    void theProviderMayNotRefuseForMissingMaterials() {
        national();
        String id = requestInReview().path("id").asText();

        Response refused = RequestsThroughTheSteps.reply(api, "gaj.wang", id, """
                {"decision":"REFUSE","legalBasisLaw":"《社会救助暂行办法》","legalBasisArticle":"第十一条",
                 "reasons":"材料不全 materials missing","reasonCode":"MISSING_MATERIALS"}""");

        assertRefusedAndAudited(refused, 409, "reasonCode", "no-refusal-for-missing-materials");
        assertThat(refused.body()).contains("/api/requests/" + id + "/missing-materials");
        assertThat(request(id).path("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void theStepsAreOffUnderAPackWithoutThem() {
        assumeFalse(pack.on(OptionalStep.REPLY_EXTENSION) || pack.on(OptionalStep.MATERIALS_SUPPLEMENT),
                "the pack in force takes the steps");
        String id = requestInReview().path("id").asText();

        assertRefusedAndAudited(askExtension(id, 5), 409, "pack", "step-off");
        assertRefusedAndAudited(api.post("gaj.wang", "/api/requests/" + id + "/missing-materials",
                "{\"items\":[\"低保申请受理回执 the receipt\"]}"), 409, "pack", "step-off");
        assertThat(askExtension(id, 5).body()).contains(pack.get().name(), "reply-extension");
        // under such a pack a refusal for missing materials is the provider's to give, as before
        Response refused = RequestsThroughTheSteps.reply(api, "gaj.wang", id, """
                {"decision":"REFUSE","legalBasisLaw":"《社会救助暂行办法》","legalBasisArticle":"第十一条",
                 "reasons":"材料不全 materials missing","reasonCode":"MISSING_MATERIALS"}""");
        assertThat(refused.json().path("status").asText()).as(refused.body()).isEqualTo("REFUSED");
    }
}
