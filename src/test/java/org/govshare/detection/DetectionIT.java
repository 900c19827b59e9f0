package org.govshare.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ManagementService;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.govshare.timeliness.PushedDatasets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The detection over HTTP, as the authority uses it: a reply left late and reads refused again and again outside a
 * grant; the daily run started by hand finds the refusals SUSPECTED and the late reply once (its deadline timer recorded
 * it already); the authority confirms the suspicion and orders it rectified, or dismisses another in Tasklist.
 * The shared database holds other tests' cases: every assertion is about this test's own resources and requests.
 */
class DetectionIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String OTHER_PURPOSE = "全市人口统计分析 a population study";

    @Autowired
    Detection detection;

    @Autowired
    ManagementService managementService;

    /** Public Security's new residents resource; Civil Affairs asks for it and is left waiting (IN_REVIEW). */
    private String askForNewResidents(String code) {
        Response asked = RequestsThroughTheSteps.ask(api, "mzj.liu",
                SharingRequestBodies.request(code, "mzj.liu", "公民身份号码", "姓名").toString());
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("IN_REVIEW");
        return asked.json().path("id").asText();
    }

    /** Reads of the resource by mzj.liu, each refused for the same rule. */
    private void readRefused(String code, int times, String purpose, String rule) {
        for (int i = 0; i < times; i++) {
            Response read = api.get("mzj.liu", "/api/data/" + code + "?purpose="
                    + URLEncoder.encode(purpose, StandardCharsets.UTF_8));
            assertThat(read.status()).as(read.body()).isEqualTo(403);
            assertThat(read.json().path("errors").findValuesAsText("rule")).contains(rule);
        }
    }

    private Map<String, Object> violationAbout(String subject) {
        List<Map<String, Object>> found = jdbc.queryForList("select * from violation where subject = ?", subject);
        assertThat(found).as("violations about %s", subject).hasSize(1);
        return found.get(0);
    }

    @Test
    void aLateReplyIsRecordedOnceAndRefusedReadsOutsideTheGrantAreSuspectedConfirmedAndOrderedRectified() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        String granted = askForNewResidents(code);
        Response approved = RequestsThroughTheSteps.reply(api, "gaj.wang", granted, "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().path("status").asText()).as(approved.body()).isEqualTo("GRANTED");
        readRefused(code, 6, OTHER_PURPOSE, "purpose-not-granted");

        // a second request left unanswered: its deadline timer runs, and records the delayed reply
        String late = askForNewResidents(code);
        String instance = jdbc.queryForObject("select process_instance_id from sharing_request where id = ?", String.class, late);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId("Timer_ReplyDeadline").singleResult().getId());
        Map<String, Object> byTimer = violationAbout(late);

        Response started = api.post("authority.li", "/api/detection/runs", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("day").asText()).isEqualTo(LocalDate.now(BEIJING).toString());
        String subject = code + " purpose-not-granted";
        Eventually.within(Duration.ofSeconds(60), "the run started by hand records the suspicion and starts its review",
                () -> jdbc.queryForObject("select count(*) from violation_review r join violation v on v.id = r.id"
                        + " where v.subject = ? and r.process_instance_id is not null", Integer.class, subject) == 1);
        assertThat(auditEventsOf(started.correlationId())).extracting(e -> e.get("action")).contains("DETECTION_STARTED");

        Map<String, Object> suspected = violationAbout(subject);
        assertThat(suspected).containsEntry("department", "civil-affairs").containsEntry("type", "MISUSE_BEYOND_SCOPE")
                .containsEntry("status", "SUSPECTED");
        assertThat((String) suspected.get("evidence")).contains("audit:");
        assertThat((String) suspected.get("rule")).startsWith("Five or more reads refused in a day for a purpose");

        // the rules find the late reply again the day after its deadline: still one violation, the timer's
        LocalDate dueDay = ((java.sql.Timestamp) jdbc.queryForObject("select reply_due from sharing_request where id = ?",
                java.sql.Timestamp.class, late)).toInstant().atZone(BEIJING).toLocalDate();
        Detection.Summary dayAfter = detection.runFor(dueDay.plusDays(1));
        assertThat(dayAfter.known()).isPositive();
        assertThat(violationAbout(late)).containsEntry("id", byTimer.get("id")).containsEntry("type", "DELAYED_REPLY")
                .containsEntry("status", "OPEN");

        String id = (String) suspected.get("id");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/violations/" + id + "/confirm", "{}"), 403, null, null);
        assertRefusedAndAudited(api.post("authority.li", "/api/violations/" + id + "/dismiss", "{}"), 400, "reason",
                "dismissal-needs-reason");
        Response confirmed = api.post("authority.li", "/api/violations/" + id + "/confirm",
                "{\"reason\":\"six reads for a population study in a morning\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(auditEventsOf(confirmed.correlationId())).extracting(e -> e.get("action")).contains("VIOLATION_CONFIRMED");
        assertThat(jdbc.queryForObject("select status from violation_review where id = ?", String.class, id))
                .isEqualTo("CONFIRMED");
        assertRefusedAndAudited(api.post("authority.li", "/api/violations/" + id + "/confirm", "{}"), 409, "status",
                "decide-suspected-only");

        Response rectification = api.post("authority.li", "/api/violations/" + id + "/rectification", "");
        assertThat(rectification.status()).as(rectification.body()).isEqualTo(201);
        assertThat(violationAbout(subject)).containsEntry("status", "RECTIFYING");
    }

    @Test
    void aDatasetLeftStaleIsRemindedThenRecordedAsDataNotUpdatedByTheDailyRunAndOrderedRectified() {
        String stale = PushedDatasets.publishedAndPushed(api);
        PushedDatasets.pushedDaysAgo(jdbc, stale, 20);

        Response started = api.post("authority.li", "/api/detection/runs", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Eventually.within(Duration.ofSeconds(60), "the daily run records the stale dataset",
                () -> jdbc.queryForObject("select count(*) from violation where subject = ?", Integer.class, stale) == 1);

        assertThat(api.get("mzj.chen", "/api/notices").body()).as("the provider was reminded by the run's round")
                .contains("TIMELINESS_REMINDER", stale);
        Map<String, Object> late = violationAbout(stale);
        assertThat(late).containsEntry("department", "civil-affairs").containsEntry("type", "DATA_NOT_UPDATED")
                .containsEntry("status", "OPEN").containsEntry("source", "AUTOMATIC");
        assertThat((String) late.get("evidence")).contains("version:1");
        assertThat((String) late.get("rule")).startsWith("Data still behind its update cycle after the grace is data not updated");

        detection.runFor(LocalDate.now(BEIJING));
        assertThat(violationAbout(stale)).as("a second run the same day records nothing new").containsEntry("id", late.get("id"));

        Response rectification = api.post("authority.li", "/api/violations/" + late.get("id") + "/rectification", "");
        assertThat(rectification.status()).as(rectification.body()).isEqualTo(201);
        assertThat(violationAbout(stale)).containsEntry("status", "RECTIFYING");
    }

    @Test
    void theAuthorityDismissesASuspicionInTasklistWithReasons() {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        readRefused(code, 5, OTHER_PURPOSE, "no-grant");

        Detection.Summary today = detection.runFor(LocalDate.now(BEIJING));

        String subject = code + " no-grant";
        Map<String, Object> suspected = violationAbout(subject);
        assertThat(suspected).containsEntry("status", "SUSPECTED").containsEntry("department", "civil-affairs");
        String id = (String) suspected.get("id");
        assertThat(today.findings()).isPositive();
        Eventually.within(Duration.ofSeconds(30), "its review is started (by this run, or a run beside it)",
                () -> jdbc.queryForObject("select count(*) from violation_review where id = ? and process_instance_id"
                        + " is not null", Integer.class, id) == 1);
        Response task = api.get("authority.li", "/engine-rest/task?processInstanceBusinessKey=" + id
                + "&taskDefinitionKey=" + SuspectedReviews.TASK);
        assertThat(task.json()).as(task.body()).hasSize(1);
        ObjectNode variables = JSON.createObjectNode();
        variables.set("variables", JSON.createObjectNode()
                .set("suspicionDecision", JSON.createObjectNode().put("value", "DISMISS")));
        Response refused = api.post("authority.li", "/engine-rest/task/" + task.json().get(0).path("id").asText()
                + "/complete", variables.toString());
        assertRefusedAndAudited(refused, 400, "reason", "dismissal-needs-reason");

        ((ObjectNode) variables.get("variables")).set("reason",
                JSON.createObjectNode().put("value", "the department was testing its new system against the wrong code"));
        Response dismissed = api.post("authority.li", "/engine-rest/task/" + task.json().get(0).path("id").asText()
                + "/complete", variables.toString());
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(204);

        assertThat(violationAbout(subject)).containsEntry("status", "DISMISSED").containsEntry("decided_by", "authority.li")
                .containsEntry("decision_reason", "the department was testing its new system against the wrong code");
        assertThat(auditEventsOf(dismissed.correlationId())).extracting(e -> e.get("action")).contains("VIOLATION_DISMISSED");
        assertRefusedAndAudited(api.post("authority.li", "/api/violations/" + id + "/rectification", ""), 409, "status",
                "rectify-open-only");
    }
}
