package org.govshare.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.govshare.catalog.CatalogEntries;
import org.govshare.detection.Detection;
import org.govshare.rules.RulesProperties;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the national regulation asks after a grant exists, over HTTP: the delivery deadline of data not yet on the
 * platform (Art. 22), the holder declaring the purpose met and attesting the disposal of the data (Art. 27); and that
 * a pack leaving these steps off keeps them invisible (409 step-off). Runs under whichever pack the build chose.
 */
class AfterTheGrantIT extends IntegrationTest {

    private static final boolean NATIONAL = RulesProperties.of("").pack().equals("national-2025");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final List<String> ITEMS = List.of("统一社会信用代码", "组织名称", "法定代表人");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Grants grants;

    @Autowired
    Detection detection;

    private static String freshCode() {
        return CatalogEntries.nextCode("203001", "102");
    }

    private Response push(String code) {
        return api.post("mzj.chen", "/api/data/" + code + "/records?mode=REPLACE", """
                [{"统一社会信用代码":"51410100MJY123456X","组织名称":"郑州市慈善总会","法定代表人":"王刚"}]""");
    }

    @Test
    void dataNotYetOnThePlatformIsDueInTwentyWorkingDaysAndItsFirstVersionDeliversIt() {
        assumeTrue(NATIONAL);
        String code = publish("mzj.chen", CatalogEntries.organisations(freshCode()));
        Grant waiting = TestGrants.issue(grants, code, ITEMS);

        Response shown = api.get("gaj.zhang", "/api/grants/" + waiting.id());
        assertThat(shown.json().path("deliveryDue").isNull()).as(shown.body()).isFalse();
        assertThat(shown.json().path("deliveredAt").isNull()).isTrue();

        assertThat(push(code).status()).isBetween(200, 201);

        Response delivered = api.get("mzj.chen", "/api/grants/" + waiting.id());
        assertThat(delivered.json().path("deliveredAt").isNull()).as(delivered.body()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'GRANT_DELIVERED' and object_id = ?",
                Long.class, waiting.id())).isOne();
        Grant later = TestGrants.issue(grants, code, ITEMS);
        assertThat(api.get("gaj.zhang", "/api/grants/" + later.id()).json().path("deliveryDue").isNull())
                .as("data already on the platform owes no delivery").isTrue();
    }

    @Test
    void dataStillNotDeliveredAfterItsDeadlineIsOneLateDeliveryOfTheProvider() {
        assumeTrue(NATIONAL);
        Grant waiting = TestGrants.issue(grants, freshCode(), ITEMS);
        LocalDate dueDay = TODAY.minusDays(3);
        jdbc.update("update sharing_grant set delivery_due = ? where id = ?",
                Timestamp.from(dueDay.atTime(23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant()), waiting.id());

        detection.detect(TODAY);
        detection.detect(TODAY);

        assertThat(jdbc.queryForList("select department, occurred_on from violation where type = 'LATE_DELIVERY'"
                + " and subject = ?", waiting.id())).singleElement().satisfies(v -> {
                    assertThat(v).containsEntry("department", "civil-affairs");
                    assertThat(v.get("occurred_on").toString()).isEqualTo(dueDay.plusDays(1).toString());
                });
    }

    @Test
    void theHolderDeclaresThePurposeMetAndAttestsTheDisposalOnTheProvidersRequirements() {
        assumeTrue(NATIONAL);
        Grant grant = TestGrants.issue(grants, freshCode(), ITEMS);
        String path = "/api/grants/" + grant.id();

        assertRefusedAndAudited(api.put("gaj.zhang", path + "/disposal-requirements", "application/json",
                "{\"requirements\":\"mine\"}"), 403, null, null);
        Response stated = api.put("mzj.chen", path + "/disposal-requirements", "application/json",
                "{\"requirements\":\"删除全部副本 delete every copy\"}");
        assertThat(stated.status()).as(stated.body()).isEqualTo(200);
        assertRefusedAndAudited(api.post("mzj.chen", path + "/purpose-met", "{\"note\":\"not mine\"}"), 403, null, null);

        Response ended = api.post("gaj.zhang", path + "/purpose-met", "{\"note\":\"核查完毕 the checks are done\"}");
        assertThat(ended.json().path("status").asText()).as(ended.body()).isEqualTo("PURPOSE_MET");
        Response disposal = api.get("mzj.chen", path + "/disposal");
        assertThat(disposal.json().path("status").asText()).as(disposal.body()).isEqualTo("AWAITING_ATTESTATION");
        assertThat(disposal.json().path("requirements").asText()).isEqualTo("删除全部副本 delete every copy");
        assertThat(disposal.json().path("endedHow").asText()).isEqualTo("PURPOSE_MET");

        assertRefusedAndAudited(api.post("gaj.zhang", path + "/disposal", "{\"method\":\"deleted\",\"doneAt\":\""
                + TODAY.plusDays(1) + "\"}"), 400, "doneAt", "not-in-future");
        assertRefusedAndAudited(api.postJsonAndFile("gaj.zhang", path + "/disposal", "attestation",
                "{\"method\":\"deleted\",\"doneAt\":\"" + TODAY + "\"}", "file", "proof.pdf", "application/pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8)), 400, "file", "content-matches-type");
        assertRefusedAndAudited(api.post("mzj.chen", path + "/disposal", "{\"method\":\"deleted\",\"doneAt\":\""
                + TODAY + "\"}"), 403, null, null);

        Response attested = api.postJsonAndFile("gaj.zhang", path + "/disposal", "attestation",
                "{\"method\":\"数据库记录及备份已删除 records and backups deleted\",\"doneAt\":\"" + TODAY
                        + "\",\"note\":\"见销毁记录 see the record\"}", "file", "destruction.pdf", "application/pdf", PDF);
        assertThat(attested.status()).as(attested.body()).isEqualTo(200);
        assertThat(attested.json().path("status").asText()).isEqualTo("ATTESTED");
        assertThat(attested.json().path("attestedBy").asText()).isEqualTo("gaj.zhang");
        assertThat(attested.json().path("file").asText()).isEqualTo("destruction.pdf");
        assertThat(api.download("authority.li", path + "/disposal/file").body()).isEqualTo(PDF);
        assertRefusedAndAudited(api.post("gaj.zhang", path + "/disposal", "{\"method\":\"again\",\"doneAt\":\""
                + TODAY + "\"}"), 409, "status", "not-waiting");
        assertThat(auditEventsOf(attested.correlationId())).extracting(e -> e.get("action")).contains("DISPOSAL_ATTESTED");
    }

    @Test
    void aStrangerLearnsNothingOfADisposalNotEvenThatTheGrantExists() {
        assumeTrue(NATIONAL);
        Grant grant = TestGrants.issue(grants, freshCode(), ITEMS);
        api.post("gaj.zhang", "/api/grants/" + grant.id() + "/purpose-met", "{\"note\":\"done\"}");
        String missing = "SQ-2026-999999";

        for (String what : List.of("/disposal", "/disposal/file")) {
            Response existing = api.get("rsj.zhou", "/api/grants/" + grant.id() + what);
            Response none = api.get("rsj.zhou", "/api/grants/" + missing + what);
            assertRefusedAndAudited(existing, 404, null, null);
            assertThat(Answers.shape(existing, grant.id())).isEqualTo(Answers.shape(none, missing));
        }
        Response attest = api.post("rsj.zhou", "/api/grants/" + grant.id() + "/disposal",
                "{\"method\":\"x\",\"doneAt\":\"" + TODAY + "\"}");
        assertThat(Answers.shape(attest, grant.id())).isEqualTo(Answers.shape(api.post("rsj.zhou", "/api/grants/"
                + missing + "/disposal", "{\"method\":\"x\",\"doneAt\":\"" + TODAY + "\"}"), missing));
    }

    @Test
    void underAPackThatLeavesTheStepsOffNothingChangesAndTheirEndpointsAnswerStepOff() {
        assumeFalse(NATIONAL);
        Grant grant = TestGrants.issue(grants, freshCode(), ITEMS);
        String path = "/api/grants/" + grant.id();

        assertThat(api.get("gaj.zhang", path).json().path("deliveryDue").isNull()).isTrue();
        assertRefusedAndAudited(api.post("gaj.zhang", path + "/purpose-met", "{\"note\":\"done\"}"), 409, "pack",
                "step-off");
        assertRefusedAndAudited(api.put("mzj.chen", path + "/disposal-requirements", "application/json",
                "{\"requirements\":\"delete\"}"), 409, "pack", "step-off");
        assertRefusedAndAudited(api.get("gaj.zhang", path + "/disposal"), 409, "pack", "step-off");
        assertRefusedAndAudited(api.post("gaj.zhang", path + "/disposal", "{\"method\":\"x\",\"doneAt\":\"" + TODAY
                + "\"}"), 409, "pack", "step-off");
        assertRefusedAndAudited(api.get("gaj.zhang", path + "/usage-records"), 409, "pack", "step-off");
        assertRefusedAndAudited(api.post("gaj.zhang", path + "/usage-records", "{\"scenario\":\"x\"}"), 409, "pack",
                "step-off");
        assertRefusedAndAudited(api.send("gaj.zhang", org.govshare.support.Api.PASSWORD,
                api.request(path + "/usage-records/1").DELETE(), null), 409, "pack", "step-off");

        api.post("mzj.chen", path + "/revocation", "{\"reason\":\"用途变更 purpose changed\"}");
        assertThat(jdbc.queryForObject("select count(*) from grant_disposal where grant_id = ?", Long.class, grant.id()))
                .isZero();
    }
}
