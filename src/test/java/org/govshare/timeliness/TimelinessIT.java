package org.govshare.timeliness;

import static org.govshare.support.ProviderAnswers.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.identity.Role;
import org.govshare.rules.supervision.ServiceAvailabilityFact;
import org.govshare.rules.supervision.StaleResourceFact;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Timeliness on PostgreSQL, over HTTP where a user acts: a hosted dataset last pushed long ago is behind, its provider
 * is reminded once however often the round runs, and past the grace it is a finding; a provider service failing most
 * calls of a day is unavailable; the freshness endpoint says on time or how many days late. The shared database holds
 * other tests' resources: only this test's own are looked at.
 */
class TimelinessIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String PURPOSE = "低保申请人身份核验 identity checks";
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static HttpServer provider;

    @Autowired
    TimelinessReminders round;

    @Autowired
    TimelinessFigures figures;

    @BeforeAll
    static void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // four calls in five fail
        provider.createContext("/mostly-failing", e -> send(e, CALLS.incrementAndGet() % 5 == 0 ? 200 : 500,
                CALLS.get() % 5 == 0 ? "[{\"公民身份号码\":\"410105199001011234\",\"姓名\":\"张三\"}]" : "{\"error\":\"down\"}"));
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    @Test
    void aDatasetPushedLongAgoIsRemindedOnceThenAFindingPastItsGrace() throws Exception {
        LocalDate today = LocalDate.now(BEIJING);
        String stale = PushedDatasets.publishedAndPushed(api);
        String fresh = PushedDatasets.publishedAndPushed(api);
        PushedDatasets.pushedDaysAgo(jdbc, stale, 20);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(nodes.submit(() -> round.runOn(today)), nodes.submit(() -> round.runOn(today)));
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
        round.runOn(today);

        assertThat(reminders(stale)).as("two nodes and a second run remind once").singleElement().satisfies(notice -> {
            assertThat(notice.get("recipient")).isEqualTo(Role.PROVIDER_REVIEWER.workgroupOf("civil-affairs"));
            assertThat((String) notice.get("body")).contains("已逾期 19 天");
        });
        assertThat(reminders(fresh)).isEmpty();
        auditChainer.chainPending();
        assertThat(jdbc.queryForList("select details from audit_event where action = 'TIMELINESS_REMINDED'"
                + " and object_id = ?", String.class, stale)).singleElement().asString()
                .contains("\"concern\":\"BEHIND\"", "\"episode\":\"version:1\"");
        Response notices = api.get("mzj.chen", "/api/notices");
        assertThat(notices.body()).contains("TIMELINESS_REMINDER", stale);

        List<StaleResourceFact> facts = figures.factsOn(today).stream().filter(StaleResourceFact.class::isInstance)
                .map(StaleResourceFact.class::cast).filter(f -> f.resourceCode().equals(stale) || f.resourceCode().equals(fresh))
                .toList();
        assertThat(facts).singleElement().satisfies(fact -> {
            assertThat(fact.resourceCode()).isEqualTo(stale);
            assertThat(fact.provider()).isEqualTo("civil-affairs");
            assertThat(fact.updateCycle()).isEqualTo("DAILY");
            assertThat(fact.lastVersion()).isEqualTo(1);
            assertThat(fact.lastVersionOn()).isEqualTo(today.minusDays(20));
            assertThat(fact.dueOn()).isEqualTo(today.minusDays(19));
            assertThat(fact.daysLate()).isEqualTo(19);
            assertThat(fact.remindedOn()).isEqualTo(today);
            assertThat(fact.pastGrace(today)).isTrue();
            assertThat(fact.lateSince()).isEqualTo(fact.graceEndsOn().plusDays(1));
            assertThat(fact.evidence()).hasSize(2).contains("version:1").anyMatch(e -> e.matches("audit:[0-9a-f-]{36}"));
        });
        assertThat(figures.factsOn(today)).as("asked twice, the same facts").containsAll(facts);

        Response freshness = api.get("gaj.zhang", "/api/freshness?resource=" + stale + "&resource=" + fresh
                + "&resource=999999/999999");
        assertThat(freshness.status()).as(freshness.body()).isEqualTo(200);
        JsonNode answer = freshness.json();
        assertThat(answer).as("an unknown code is left out").hasSize(2);
        assertThat(answer.get(0).path("resourceCode").asText()).isEqualTo(stale);
        assertThat(answer.get(0).path("state").asText()).isEqualTo("LATE");
        assertThat(answer.get(0).path("daysLate").asInt()).isEqualTo(19);
        assertThat(answer.get(0).path("lastVersion").asInt()).isEqualTo(1);
        assertThat(answer.get(1).path("state").asText()).isEqualTo("ON_TIME");
        assertThat(answer.get(1).path("daysLate").asInt()).isZero();
    }

    @Test
    void theFreshnessEndpointRefusesAskingForNothing() {
        assertRefusedAndAudited(api.get("gaj.zhang", "/api/freshness"), 400, "resource", "required");
    }

    @Test
    void aProviderServiceFailingMostCallsOfTheDayIsUnavailable() {
        LocalDate today = LocalDate.now(BEIJING);
        String code = grantedService("/mostly-failing");
        CALLS.set(0);
        String failedCall = null;
        for (int i = 0; i < 5; i++) {
            Response read = api.get("mzj.liu", "/api/data/" + code + "?purpose=" + URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8));
            assertThat(read.status()).as(read.body()).isIn(200, 502);
            if (read.status() == 502) {
                failedCall = read.correlationId();
            }
        }
        assertThat(auditEventsOf(failedCall)).singleElement().satisfies(event -> {
            assertThat(event.get("action")).isEqualTo("REQUEST_FAILED");
            assertThat((String) event.get("details")).contains("\"resource\":\"" + code + "\"",
                    "\"upstream\":\"provider-service\"");
        });

        round.runOn(today);
        round.runOn(today);

        assertThat(reminders(code)).singleElement().satisfies(notice ->
                assertThat(notice.get("recipient")).isEqualTo(Role.PROVIDER_REVIEWER.workgroupOf("public-security")));
        assertThat(figures.factsOn(today).stream().filter(ServiceAvailabilityFact.class::isInstance)
                .map(ServiceAvailabilityFact.class::cast).filter(f -> f.resourceCode().equals(code)))
                .singleElement().satisfies(fact -> {
                    assertThat(fact.provider()).isEqualTo("public-security");
                    assertThat(fact.calls()).isEqualTo(5);
                    assertThat(fact.failures()).isEqualTo(4);
                    assertThat(fact.unavailable()).isTrue();
                    assertThat(fact.unavailableSince()).isEqualTo(today);
                    assertThat(fact.remindedOn()).isEqualTo(today);
                    assertThat(fact.graceEndsOn()).isAfter(today);
                    assertThat(fact.evidence()).hasSize(3).allMatch(e -> e.matches("audit:[0-9a-f-]{36}"));
                });

        Response freshness = api.get("mzj.liu", "/api/freshness?resource=" + code);
        assertThat(freshness.json().get(0).path("state").asText()).isEqualTo("LIVE");
    }

    private List<java.util.Map<String, Object>> reminders(String code) {
        return jdbc.queryForList("select * from notice where kind = 'TIMELINESS_REMINDER' and object_id = ?", code);
    }

    /** A Public Security resource served by the test provider at {@code path}, granted to mzj.liu; its code. */
    private String grantedService(String path) {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        Response registered = api.put("gaj.wang", "/api/data/" + code + "/service", "application/json", """
                {"url":"http://127.0.0.1:%d%s","parameters":["公民身份号码"],"timeoutMillis":2000,"credentials":{"type":"NONE"}}"""
                .formatted(provider.getAddress().getPort(), path));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        LocalDate today = LocalDate.now(BEIJING);
        ObjectNode request = JSON.createObjectNode().put("resourceCode", code).put("purpose", PURPOSE)
                .put("scenario", "ADMINISTRATIVE_APPROVAL").put("validFrom", today.toString())
                .put("validUntil", today.plusDays(30).toString());
        request.set("items", JSON.valueToTree(List.of("公民身份号码", "姓名")));
        request.set("officials", JSON.valueToTree(List.of("mzj.liu")));
        String id = RequestsThroughTheSteps.ask(api, "mzj.liu", request.toString()).json().path("id").asText();
        Response approved = RequestsThroughTheSteps.reply(api, "gaj.wang", id, "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().path("status").asText()).as(approved.body()).isEqualTo("GRANTED");
        return code;
    }
}
