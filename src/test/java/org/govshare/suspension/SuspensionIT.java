package org.govshare.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.catalog.CatalogEntries;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Suspension over HTTP, on PostgreSQL and Elasticsearch (national regulation Art. 27): Civil Affairs suspends Public
 * Security's grant on its hosted organisations; every read under it answers 403 sharing-suspended, audited, whatever
 * was asked and telling nobody else anything; restored, it serves again; terminated, it ends. Under a pack without the
 * step the endpoints answer 409 step-off and reads go on as before. Runs under whichever pack the build chose.
 */
class SuspensionIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PURPOSE = "核查社会组织登记 checking registrations";

    @Autowired
    private Grants grants;

    @Autowired
    private PackInForce pack;

    private String path;
    private String grant;

    @BeforeEach
    void aHostedResourceGrantedToPublicSecurity() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        path = "/api/data/" + code;
        Response pushed = api.post("mzj.chen", path + "/records?mode=REPLACE", """
                [{"统一社会信用代码":"51410100MJY1234567","组织名称":"郑州市志愿者协会","法定代表人":"王芳"}]""");
        assertThat(pushed.status()).as(pushed.body()).isBetween(200, 201);
        grant = grants.issue(new NewGrant("public-security", "civil-affairs", code, "社会组织登记信息 " + code,
                List.of("统一社会信用代码", "组织名称"), PURPOSE, "《社会团体登记管理条例》", "核查", List.of("gaj.zhang"),
                List.of(), TODAY, TODAY.plusDays(30), Grants.SOURCE_REQUEST, "GX-2026-999996", List.of(), List.of())).id();
    }

    private Response read(String login, String query) {
        return api.get(login, path + "?purpose=" + URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8) + query);
    }

    private Response suspend(String login, String grantId) {
        return api.post(login, "/api/suspensions", """
                {"department":"public-security","grantId":%s,"reasons":"数据被转给第三方 passed to a third party"}"""
                .formatted(grantId == null ? "null" : "\"" + grantId + "\""));
    }

    private void stepOn(boolean on) {
        Assumptions.assumeTrue(pack.on(OptionalStep.SHARING_SUSPENSION) == on,
                "the pack in force " + (on ? "has no" : "has the") + " step sharing-suspension");
    }

    @Test
    void aSuspendedGrantServesNoReadAndTellsNothingElseUntilItIsRestored() {
        stepOn(true);
        assertThat(read("gaj.zhang", "").status()).isEqualTo(200);
        Response stranger = read("scj.yang", "");

        Response suspended = suspend("mzj.chen", grant);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(201);
        String id = suspended.json().path("id").asText();
        assertThat(suspended.json().path("status").asText()).isEqualTo("AWAITING_REPORT");
        assertThat(suspended.json().path("rectificationDue").asText()).isNotBlank();

        Response refused = read("gaj.zhang", "");
        assertRefusedAndAudited(refused, 403, "grant", "sharing-suspended");
        assertThat(auditEventsOf(refused.correlationId())).extracting(e -> e.get("action")).containsExactly("ACCESS_DENIED");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains(grant, id)
                .doesNotContain("third party");
        assertThat(refused.body()).doesNotContain("郑州市志愿者协会").doesNotContain("51410100MJY1234567");
        // the answer depends on the grant and the suspension only, not on what was asked of the data
        for (String query : List.of("&items=" + URLEncoder.encode("法定代表人", StandardCharsets.UTF_8),
                "&sort=" + URLEncoder.encode("组织名称", StandardCharsets.UTF_8), "&size=1&page=3")) {
            Response other = read("gaj.zhang", query);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.json().path("errors")).as(query).isEqualTo(refused.json().path("errors"));
        }
        // what others learn is what they learnt before: nothing of the suspension
        Response strangerNow = read("scj.yang", "");
        assertThat(strangerNow.status()).isEqualTo(stranger.status());
        assertThat(strangerNow.json().path("errors")).isEqualTo(stranger.json().path("errors"));
        assertThat(strangerNow.body()).doesNotContain(id).doesNotContain("suspend");
        assertThat(api.get("scj.yang", "/api/suspensions/" + id).status()).isEqualTo(403);
        assertThat(api.get("scj.yang", "/api/suspensions").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("gaj.zhang", "/api/suspensions").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("authority.li", "/api/suspensions?status=AWAITING_REPORT").json().findValuesAsText("id")).contains(id);

        Response reported = api.post("gaj.zhang", "/api/suspensions/" + id + "/report", "{\"report\":\"已收回并删除 recovered and deleted\"}");
        assertThat(reported.json().path("status").asText()).as(reported.body()).isEqualTo("AWAITING_VERIFICATION");
        assertRefusedAndAudited(api.post("authority.li", "/api/suspensions/" + id + "/verification",
                "{\"decision\":\"RECTIFIED\"}"), 403, null, null);
        Response restored = api.post("mzj.chen", "/api/suspensions/" + id + "/verification", "{\"decision\":\"RECTIFIED\"}");
        assertThat(restored.json().path("status").asText()).as(restored.body()).isEqualTo("RESTORED");

        assertThat(read("gaj.zhang", "").status()).isEqualTo(200);
    }

    @Test
    void notRectifiedTheGrantIsTerminatedAndReadsSaySo() {
        stepOn(true);
        // one grant: "all" would reach the grants other tests gave Public Security
        String id = suspend("authority.li", grant).json().path("id").asText();
        api.post("gaj.zhang", "/api/suspensions/" + id + "/report", "{\"report\":\"我们认为没有问题\"}");

        assertRefusedAndAudited(api.post("authority.li", "/api/suspensions/" + id + "/verification",
                "{\"decision\":\"NOT_RECTIFIED\"}"), 400, "reasons", "not-rectified-needs-reasons");
        Response terminated = api.post("authority.li", "/api/suspensions/" + id + "/verification",
                "{\"decision\":\"NOT_RECTIFIED\",\"reasons\":\"第三方仍持有数据\"}");

        assertThat(terminated.json().path("status").asText()).as(terminated.body()).isEqualTo("TERMINATED");
        assertThat(terminated.json().path("grants").findValuesAsText("grantId")).contains(grant);
        JsonNode ended = api.get("gaj.zhang", "/api/grants/" + grant).json();
        assertThat(ended.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(api.get("gaj.zhang", "/api/grants?side=consumer&status=TERMINATED").json().findValuesAsText("id")).contains(grant);
        assertRefusedAndAudited(read("gaj.zhang", ""), 403, "resourceCode", "grant-terminated");
    }

    @Test
    void onlyTheAuthorityOrTheProviderSuspendsWithReasonsAndEveryRefusalIsAudited() {
        stepOn(true);
        assertRefusedAndAudited(suspend("gaj.zhang", grant), 403, null, null);
        assertRefusedAndAudited(suspend("scj.huang", grant), 403, null, null);
        assertRefusedAndAudited(api.post("mzj.chen", "/api/suspensions", "{\"department\":\"public-security\"}"), 400,
                "reasons", "required");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/suspensions", "{\"department\":\"atlantis\",\"reasons\":\"x\"}"),
                400, "department", "unknown-department");
        assertThat(read("gaj.zhang", "").status()).isEqualTo(200);
    }

    @Test
    void withoutTheStepTheEndpointsAnswerStepOffAndNothingChanges() {
        stepOn(false);
        assertRefusedAndAudited(suspend("mzj.chen", grant), 409, "pack", "step-off");
        assertRefusedAndAudited(api.get("authority.li", "/api/suspensions"), 409, "pack", "step-off");
        assertRefusedAndAudited(api.post("gaj.zhang", "/api/suspensions/ZT-2026-000001/report", "{\"report\":\"x\"}"), 409,
                "pack", "step-off");
        assertThat(read("gaj.zhang", "").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from sharing_suspension", Long.class)).isZero();
    }
}
