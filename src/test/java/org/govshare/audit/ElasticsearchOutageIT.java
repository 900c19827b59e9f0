package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.platform.elasticsearch.ElasticsearchNode;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.govshare.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform keeps working without Elasticsearch; nothing is lost and nothing is indexed twice. */
class ElasticsearchOutageIT extends IntegrationTest {

    @Autowired
    AuditIndexer indexer;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    AuditProperties properties;

    @Test
    void eventsWaitInTheDatabaseDuringAnOutageAndAreIndexedExactlyOnceAfterIt() throws IOException {
        ElasticsearchNode node = TestInfrastructure.managedElasticsearch().orElse(null);
        assumeTrue(node != null, "an external Elasticsearch (GOVSHARE_TEST_ES_URL) is not ours to stop");
        Eventually.within(Duration.ofSeconds(60), "the indexer caught up before the outage", () -> indexer.backlog() == 0);

        node.stop();
        List<String> correlationIds = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Response refused = api.get("jsq.xu", "/api/departments/public-security/tasks");
                assertThat(refused.status()).isEqualTo(403);
                correlationIds.add(refused.correlationId());
            }
            Response stillWorking = api.get("jsq.xu", "/api/me");
            assertThat(stillWorking.status()).isEqualTo(200);

            JsonNode health = api.get("authority.li", "/actuator/health").json();
            assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UNAVAILABLE");
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/auditIndexer/details/backlog").asLong()).isGreaterThanOrEqualTo(12);
            assertThat(api.get("authority.li", "/api/audit").status()).isEqualTo(503);
        } finally {
            node.start();
        }

        Eventually.within(Duration.ofSeconds(120), "the backlog drained after Elasticsearch returned",
                () -> indexer.backlog() == 0);
        elasticsearch.indices().refresh(r -> r.index(properties.indexName()));

        long stored = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        long indexed = elasticsearch.count(c -> c.index(properties.indexName())).count();
        assertThat(indexed).isEqualTo(stored);
        List<String> outageEventIds = jdbc.queryForList("select id from audit_event where correlation_id in ("
                + String.join(",", correlationIds.stream().map(id -> "'" + id + "'").toList()) + ")", String.class);
        assertThat(outageEventIds).hasSize(12);
        SearchResponse<AuditDocument> docs = elasticsearch.search(s -> s.index(properties.indexName())
                .query(q -> q.ids(i -> i.values(outageEventIds))).version(true).size(100), AuditDocument.class);
        assertThat(docs.hits().hits()).hasSize(12).allSatisfy((Hit<AuditDocument> hit) -> {
            assertThat(hit.version()).as("written once").isEqualTo(1L);
            assertThat(hit.source().action()).isEqualTo("ACCESS_DENIED");
        });
    }
}
