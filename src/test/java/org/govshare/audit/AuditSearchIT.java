package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The authority searches the trail by text, actor, department, action, object, outcome and time, page by page. */
class AuditSearchIT extends IntegrationTest {

    @Test
    void findsEventsByEveryCriterionAndAuditsTheSearch() {
        Instant before = Instant.now().minusSeconds(1);
        // other tests may have had rsj.zhou refused before this one: those are the events "before" must find
        auditChainer.chainPending();
        long earlier = jdbc.queryForObject("select count(*) from audit_event where actor = 'rsj.zhou'"
                + " and action = 'ACCESS_DENIED' and occurred_at <= ?", Long.class,
                java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            api.get("rsj.zhou", "/api/departments/jinshui-civil-affairs/officials");
        }
        Response lastRefusal = api.get("rsj.zhou", "/api/departments/jinshui-civil-affairs/tasks");
        Eventually.within(Duration.ofSeconds(30), "the refusals are searchable", () ->
                api.get("authority.li", "/api/audit?actor=rsj.zhou&action=ACCESS_DENIED").json().path("total").asLong()
                        >= 4 + earlier);

        JsonNode byEverything = api.get("authority.li", "/api/audit?actor=rsj.zhou&department=human-resources"
                + "&action=ACCESS_DENIED&outcome=REFUSED&objectType=http-request&from=" + before + "&to="
                + Instant.now().plusSeconds(60) + "&size=2&page=0").json();
        assertThat(byEverything.path("total").asLong()).isEqualTo(4);
        assertThat(byEverything.path("events")).hasSize(2);
        assertThat(byEverything.path("events").get(0).path("correlationId").asText()).isEqualTo(lastRefusal.correlationId());

        JsonNode secondPage = api.get("authority.li", "/api/audit?actor=rsj.zhou&action=ACCESS_DENIED&size=2&page=1").json();
        assertThat(secondPage.path("events")).hasSize(2);

        JsonNode byText = api.get("authority.li", "/api/audit?q=jinshui%20officials&actor=rsj.zhou").json();
        assertThat(byText.path("total").asLong()).isEqualTo(4);
        JsonNode byOtherText = api.get("authority.li", "/api/audit?q=jinshui%20brigadoon&actor=rsj.zhou").json();
        assertThat(byOtherText.path("total").asLong()).isZero();

        JsonNode byObject = api.get("authority.li", "/api/audit?objectId=GET%20/api/departments/jinshui-civil-affairs/tasks").json();
        assertThat(byObject.path("total").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode beforeAnyOfIt = api.get("authority.li", "/api/audit?actor=rsj.zhou&action=ACCESS_DENIED&to=" + before).json();
        assertThat(beforeAnyOfIt.path("total").asLong()).isEqualTo(earlier);

        Response search = api.get("supervisor.qian", "/api/audit?actor=rsj.zhou");
        assertThat(auditEventsOf(search.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "AUDIT_SEARCHED").containsEntry("actor", "supervisor.qian"));
    }

    @Test
    void findsTheEventsOfOneRequestByItsCorrelationId() {
        Response refused = api.get("rsj.zhou", "/api/departments/jinshui-civil-affairs/officials");
        api.get("rsj.zhou", "/api/departments/jinshui-civil-affairs/tasks");
        String search = "/api/audit?correlationId=" + refused.correlationId();
        Eventually.within(Duration.ofSeconds(30), "the refusal is searchable", () ->
                api.get("authority.li", search).json().path("total").asLong() >= 1);

        JsonNode found = api.get("authority.li", search).json();

        assertThat(found.path("total").asLong()).isEqualTo(auditEventsOf(refused.correlationId()).size());
        assertThat(found.path("events").findValuesAsText("correlationId")).containsOnly(refused.correlationId());
        assertThat(found.path("events").findValuesAsText("objectId"))
                .containsOnly("GET /api/departments/jinshui-civil-affairs/officials");
    }

    @Test
    void aPageBeyondTheSearchWindowIsNamedNotAnOutage() {
        Response deep = api.get("authority.li", "/api/audit?page=200&size=100");

        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.json().path("errors").get(0).path("rule").asText()).isEqualTo("within-search-window");
    }

    @Test
    void aBadCriterionIsNamed() {
        Response response = api.get("authority.li", "/api/audit?outcome=MAYBE");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("outcome");

        Response tooBig = api.get("authority.li", "/api/audit?size=5000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
    }

    @Test
    void healthReportsTheDatabaseTheEngineElasticsearchAndTheBacklog() {
        JsonNode health = api.get("authority.li", "/actuator/health").json();
        JsonNode anonymous = api.get(null, "/actuator/health").json();

        assertThat(anonymous.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(anonymous.at("/components/auditIndexer/details").isMissingNode()).as("details only for officials").isTrue();
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/processEngine/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/auditIndexer/details/backlog").isNumber()).isTrue();
    }
}
