package org.govshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
public abstract class IntegrationTest {

    private static final ObjectMapper ENTRIES = new ObjectMapper().registerModule(new JavaTimeModule());

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

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
    }

    /** Submits an entry as the provider's reviewer and has the authority publish it; returns its code. */
    protected String publish(String provider, CatalogEntry entry) {
        Api.Response submitted = api.post(provider, "/api/catalog/submissions", ENTRIES.valueToTree(entry).toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        Api.Response reviewed = api.post("authority.li", "/api/catalog/submissions/" + submitted.json().path("id").asText()
                + "/review", "{\"decision\":\"PUBLISH\"}");
        assertThat(reviewed.json().path("status").asText()).as(reviewed.body()).isEqualTo("PUBLISHED");
        return entry.code();
    }

    /** Audit events recorded under a correlation id, oldest first. */
    protected java.util.List<java.util.Map<String, Object>> auditEventsOf(String correlationId) {
        return jdbc.queryForList("select * from audit_event where correlation_id = ? order by seq", correlationId);
    }
}
