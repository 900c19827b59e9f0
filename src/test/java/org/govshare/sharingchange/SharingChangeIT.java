package org.govshare.sharingchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.govshare.catalog.CatalogEntries;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No unilateral end or change over HTTP (national regulation Art. 27): Civil Affairs' organisations resource, held by
 * Public Security. Retiring it in the catalog is refused until the holder was consulted and the authority accepted
 * the filing; accepted for today, the engine retires it and ends the grant. Under a pack without the step, the
 * endpoints answer 409 step-off and the catalog retires as before. Runs under whichever pack the build chose.
 */
class SharingChangeIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    private Grants grants;

    @Autowired
    private PackInForce pack;

    private String code;
    private String grant;

    @BeforeEach
    void aResourcePublicSecurityHolds() {
        code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        grant = grants.issue(new NewGrant("public-security", "civil-affairs", code, "社会组织登记信息 " + code,
                List.of("统一社会信用代码"), "核查社会组织登记", "《社会团体登记管理条例》", "核查", List.of("gaj.zhang"), List.of(),
                TODAY, TODAY.plusDays(30), Grants.SOURCE_REQUEST, "GX-2026-999995", List.of(), List.of())).id();
    }

    private Response retireInTheCatalog() {
        return api.post("mzj.chen", "/api/catalog/resources/" + code + "/retirement", "{\"reason\":\"并入新资源 merged\"}");
    }

    private Response file(String login) {
        return api.post(login, "/api/sharing-changes", """
                {"resourceCode":"%s","kind":"RETIREMENT","reasons":"并入新资源 merged into a new resource","effectiveOn":"%s"}"""
                .formatted(code, TODAY));
    }

    private void stepOn(boolean on) {
        Assumptions.assumeTrue(pack.on(OptionalStep.RETIREMENT_CONSULTATION) == on,
                "the pack in force " + (on ? "has no" : "has the") + " step retirement-consultation");
    }

    @Test
    void aRetirementSkippingTheHoldersIsRefusedAndAnAcceptedFilingRetiresTheResourceAndEndsItsGrants() {
        stepOn(true);
        assertRefusedAndAudited(retireInTheCatalog(), 409, "code", "consult-holders-first");
        assertRefusedAndAudited(file("gaj.wang"), 403, null, null);

        Response filed = file("mzj.chen");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        assertThat(filed.json().path("status").asText()).isEqualTo("CONSULTING");
        assertThat(filed.json().path("answers").findValuesAsText("department")).containsExactly("public-security");
        assertThat(api.get("scj.yang", "/api/sharing-changes/" + id).status()).isEqualTo(403);
        assertThat(api.get("gaj.zhang", "/api/sharing-changes").json().findValuesAsText("id")).contains(id);

        assertRefusedAndAudited(api.post("gaj.zhang", "/api/sharing-changes/" + id + "/answers", "{\"answer\":\"OBJECT\"}"),
                400, "reasons", "objection-needs-reasons");
        Response answered = api.post("gaj.zhang", "/api/sharing-changes/" + id + "/answers",
                "{\"answer\":\"OBJECT\",\"reasons\":\"案件核查仍需使用 still needed for investigations\"}");
        assertThat(answered.json().path("status").asText()).as(answered.body()).isEqualTo("AWAITING_DECISION");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/sharing-changes/" + id + "/decision", "{\"decision\":\"ACCEPT\"}"),
                403, null, null);
        Response accepted = api.post("authority.li", "/api/sharing-changes/" + id + "/decision",
                "{\"decision\":\"ACCEPT\",\"reasons\":\"已有替代资源 a replacement is published\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        // its day is today: the engine's job retires it at once
        Eventually.within(Duration.ofSeconds(60), "the filing takes effect", () ->
                "IN_EFFECT".equals(api.get("authority.li", "/api/sharing-changes/" + id).json().path("status").asText()));
        assertThat(api.get("gaj.zhang", "/api/grants/" + grant).json().path("status").asText()).isEqualTo("TERMINATED");
        assertThat(jdbc.queryForObject("select status from catalog_resource where code = ?", String.class, code))
                .isEqualTo("RETIRED");
    }

    @Test
    void aFiledRetirementTakesNoRevisionAndARevisionInReviewHoldsTheFilingBack() {
        stepOn(true);
        String revise = CatalogEntries.bodyForPack(CatalogEntries.organisations(code))
                .put("summary", "社会组织登记信息，含年检结果 with the annual inspections").toString();
        Response inReview = api.post("mzj.chen", "/api/catalog/submissions", revise);
        assertThat(inReview.status()).as(inReview.body()).isEqualTo(201);
        assertRefusedAndAudited(file("mzj.chen"), 409, "resourceCode", "one-open-submission");
        String submission = CatalogEntries.headApproves(api, inReview.json()).path("id").asText();
        assertThat(api.post("authority.li", "/api/catalog/submissions/" + submission + "/review", "{\"decision\":\"PUBLISH\"}")
                .json().path("status").asText()).isEqualTo("PUBLISHED");

        Response filed = file("mzj.chen");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        Response refused = api.post("mzj.chen", "/api/catalog/submissions", revise);
        assertRefusedAndAudited(refused, 409, "code", "retirement-filed");
        assertThat(refused.body()).contains(filed.json().path("id").asText());
    }

    @Test
    void withoutTheStepTheEndpointsAnswerStepOffAndTheCatalogRetiresAsBefore() {
        stepOn(false);
        assertRefusedAndAudited(file("mzj.chen"), 409, "pack", "step-off");
        assertRefusedAndAudited(api.get("authority.li", "/api/sharing-changes"), 409, "pack", "step-off");
        Response retirement = retireInTheCatalog();
        assertThat(retirement.status()).as(retirement.body()).isEqualTo(201);
        assertThat(api.get("gaj.zhang", "/api/grants/" + grant).json().path("status").asText()).isEqualTo("ACTIVE");
    }
}
