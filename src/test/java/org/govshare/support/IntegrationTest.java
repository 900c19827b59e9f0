package org.govshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one shape of every integration test: the whole platform on a random port, against real PostgreSQL and
 * real Elasticsearch, driven over HTTP as a user would. One shape means one cached Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(UndocumentedAnswers.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected org.govshare.audit.AuditChainer auditChainer;

    protected Api api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestInfrastructure::jdbcUrl);
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
        registry.add("govshare.elasticsearch.uris", () -> TestInfrastructure.elasticsearchUri().toString());
    }

    @BeforeEach
    void connectApi() {
        api = new Api(port);
        UndocumentedAnswers.drain();
    }

    /** Every error the API answered in this test is one its operation documents (docs/operations.md, OpenAPI). */
    @org.junit.jupiter.api.AfterEach
    void everyErrorAnsweredWasDocumented() {
        assertThat(UndocumentedAnswers.drain()).as("answers of /api/** that /v3/api-docs does not document").isEmpty();
    }

    /**
     * Waits for the next window of recorded refusals to open (10 s under the test profile, aligned to the clock): a
     * test that makes an official refused hundreds of times calls it last, so that the next test finds that
     * official's refusals recorded one by one again, not summarised past the cap.
     */
    protected static void startAFreshRefusalWindow() {
        long end = (System.currentTimeMillis() / 10_000 + 1) * 10_000;
        try {
            Thread.sleep(Math.max(0, end - System.currentTimeMillis()) + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A refusal as every API gives one: the status, a problem document naming the field and rule (when given), no
     * stack trace, and a REFUSED audit event under the request's correlation id.
     */
    protected void assertRefusedAndAudited(Api.Response response, int status, String field, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsText("field")).as(response.body()).contains(field);
            assertThat(response.json().path("errors").findValuesAsText("rule")).as(response.body()).contains(rule);
        }
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(auditEventsOf(response.correlationId())).extracting(e -> e.get("outcome")).contains("REFUSED");
    }

    /** Submits an entry as the provider's reviewer and has the authority publish it; returns its code. */
    protected String publish(String provider, CatalogEntry entry) {
        return CatalogEntries.publish(api, provider, entry);
    }

    /** Audit events recorded under a correlation id, oldest first (chained first, so each has its place). */
    protected java.util.List<java.util.Map<String, Object>> auditEventsOf(String correlationId) {
        auditChainer.chainPending();
        return jdbc.queryForList("select * from audit_event where correlation_id = ? order by seq", correlationId);
    }
}
