package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.access.GrantedRecipients;
import org.govshare.catalog.CatalogEntries;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.PlatformNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Camunda homogeneous cluster: two nodes of the packaged jar on one PostgreSQL, each with its job executor on
 * (docs/operations.md). A task started on one node is completed on the other; deadline timers and the daily
 * detection, due at once, each fire once whichever node takes them; a grant's read limit holds across both nodes;
 * nothing is duplicated, and the audit trail stays one chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int READ_LIMIT = 10;

    private PlatformNode one;
    private PlatformNode other;
    private JdbcTemplate jdbc;

    @BeforeAll
    void startTwoNodes() throws Exception {
        PlatformNode.Cluster cluster = new PlatformNode.Cluster("two_nodes",
                Map.of("GOVSHARE_ACCESS_RATE_LIMIT", String.valueOf(READ_LIMIT),
                        "GOVSHARE_CALENDAR_REFRESH_INTERVAL", "1s"));
        jdbc = cluster.jdbc();
        // one after the other: the first sets up the empty database (schema, migrations, demo officials)
        one = cluster.node("node-one").start();
        System.out.println("node-one healthy after " + one.awaitHealthy(Duration.ofSeconds(180)));
        other = cluster.node("node-two").start();
        System.out.println("node-two healthy after " + other.awaitHealthy(Duration.ofSeconds(180)));
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (PlatformNode node : new PlatformNode[] {one, other}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void aTaskStartedOnOneNodeIsCompletedOnTheOther() {
        Response started = one.api().post("scj.yang", "/api/role-requests",
                "{\"requestedRole\":\"PROVIDER_REVIEWER\",\"reason\":\"I answer sharing requests for market data\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String instance = started.json().path("processInstanceId").asText();
        JsonNode tasks = other.api().get("authority.li", "/engine-rest/task?processInstanceId=" + instance).json();
        assertThat(tasks).hasSize(1);

        Response approved = other.api().post("authority.li", "/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/complete", "{\"variables\":{\"approved\":{\"value\":true}}}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        assertThat(one.api().get("scj.yang", "/api/me").json().path("roles").toString()).contains("PROVIDER_REVIEWER");
    }

    @Test
    @Order(2)
    void deadlineTimersDueAtOnceEachFireOnceWhicheverNodeTakesThem() {
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Api api = (i % 2 == 0 ? one : other).api();
            String code = CatalogEntries.nextPublicSecurityCode();
            submissions.add(CatalogEntries.submitted(api, "gaj.wang",
                    CatalogEntries.bodyForPack(CatalogEntries.residents(code))).path("id").asText());
        }
        String inList = "('" + String.join("','", submissions) + "')";
        String timers = "select j.id_ from act_ru_job j join catalog_submission s on s.process_instance_id = j.process_instance_id_"
                + " where j.handler_type_ = 'timer-transition' and s.id in " + inList;
        List<String> due = jdbc.queryForList(timers, String.class);
        assertThat(due).as("each submission's review deadline").hasSize(submissions.size());

        // every review deadline passes at the same moment, before both job executors
        jdbc.update("update act_ru_job set duedate_ = now() - interval '1 second' where id_ in ('" + String.join("','", due) + "')");

        Eventually.within(Duration.ofSeconds(60), "the review deadlines fired",
                () -> jdbc.queryForList(timers, String.class).isEmpty());
        Eventually.within(Duration.ofSeconds(30), "every overdue review recorded", () -> jdbc.queryForObject(
                "select count(*) from audit_event where action = 'CATALOG_REVIEW_OVERDUE' and object_id in " + inList,
                Long.class) >= submissions.size());
        assertThat(jdbc.queryForList("select object_id, count(*) from audit_event where action = 'CATALOG_REVIEW_OVERDUE'"
                + " and object_id in " + inList + " group by object_id having count(*) > 1")).as("fired twice").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CATALOG_REVIEW_OVERDUE'"
                + " and object_id in " + inList, Long.class)).isEqualTo(submissions.size());
        List<Map<String, Object>> byNode = jdbc.queryForList("select hostname_, count(*) from act_hi_job_log where"
                + " job_def_type_ = 'timer-transition' and job_id_ in ('" + String.join("','", due) + "')"
                + " and job_state_ = 2 group by hostname_");
        System.out.println("review deadlines fired, by node: " + byNode);
    }

    @Test
    @Order(3)
    void theDailyDetectionDueAtOnceRunsOnce() {
        String startTimer = "select j.id_ from act_ru_job j join act_re_procdef d on d.id_ = j.process_def_id_"
                + " where d.key_ = 'supervision-detection' and j.handler_type_ = 'timer-start-event'";
        String timer = jdbc.queryForObject(startTimer, String.class);
        long runsBefore = runs();

        jdbc.update("update act_ru_job set duedate_ = now() - interval '1 second' where id_ = ?", timer);

        Eventually.within(Duration.ofSeconds(60), "the daily detection started", () -> runs() > runsBefore);
        Eventually.within(Duration.ofSeconds(120), "the daily detection ran to its end", () -> jdbc.queryForObject(
                "select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
                        + " where d.key_ = 'supervision-detection'", Long.class) == 0);
        assertThat(runs()).as("runs of the daily detection").isEqualTo(runsBefore + 1);
        assertThat(jdbc.queryForList(startTimer, String.class)).as("the next day's timer, once").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).isZero();
    }

    private long runs() {
        return jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'supervision-detection'",
                Long.class);
    }

    @Test
    @Order(4)
    void aGrantsReadLimitHoldsAcrossBothNodes() {
        GrantedRecipients recipients = GrantedRecipients.published(one.api());
        recipients.grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of(), List.of());
        String read = recipients.path() + "?purpose=" + java.net.URLEncoder.encode(GrantedRecipients.PURPOSE,
                java.nio.charset.StandardCharsets.UTF_8);

        for (int i = 0; i < READ_LIMIT; i++) {
            Response answer = (i % 2 == 0 ? one : other).api().get("gaj.zhang", read);
            assertThat(answer.status()).as("read %d: %s", i + 1, answer.body()).isEqualTo(200);
        }

        for (PlatformNode node : new PlatformNode[] {one, other}) {
            Response over = node.api().get("gaj.zhang", read);
            assertThat(over.status()).as(node.name() + ": " + over.body()).isEqualTo(429);
            assertThat(over.json().path("type").asText()).isEqualTo("urn:govshare:problem:grant-rate-limit");
        }
    }

    @Test
    @Order(5)
    void aHolidayScheduleLoadedOnOneNodeIsInForceOnTheOther() {
        Response loaded = one.api().put("authority.li", "/api/calendar/2036", "application/yaml", """
                # made up for the tests, not an official notice
                year: 2036
                source:
                  title: 国务院办公厅关于2036年部分节假日安排的通知（测试）
                  number: 测试〔2035〕1号
                  published: 2035-11-01
                holidays:
                  - name: 测试假日 Test holiday
                    from: 2036-03-05
                    to: 2036-03-06
                """);
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);

        Eventually.within(Duration.ofSeconds(30), "the other node counts deadlines with the loaded schedule",
                () -> other.api().get("gaj.zhang", "/api/calendar/2036").json().path("inForce").asText().equals("LOADED"));
    }

    @Test
    @Order(6)
    void nothingIsDuplicatedAndTheAuditTrailStaysOneChain() {
        assertThat(jdbc.queryForList("select source_type, source_id from sharing_grant group by 1, 2 having count(*) > 1"))
                .as("duplicate grants").isEmpty();
        assertThat(jdbc.queryForList("select department, type, evidence_id, occurred_at::date from violation"
                + " group by 1, 2, 3, 4 having count(*) > 1")).as("duplicate violations").isEmpty();
        assertThat(jdbc.queryForList("select first_seq from audit_checkpoint group by 1 having count(*) > 1"))
                .as("checkpoints covering the same events").isEmpty();

        for (PlatformNode node : new PlatformNode[] {one, other}) {
            JsonNode verified = node.api().get("authority.li", "/api/audit/verify").json();
            assertThat(verified.path("intact").asBoolean()).as(node.name() + ": " + verified).isTrue();
        }
        Map<String, Object> chain = jdbc.queryForMap("select count(*) as events, max(seq) as last, count(seq) as chained"
                + " from audit_event where seq is not null");
        assertThat(((Number) chain.get("last")).longValue()).as("one gapless chain: " + chain)
                .isEqualTo(((Number) chain.get("events")).longValue());
    }
}
