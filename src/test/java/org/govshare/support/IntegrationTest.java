package org.govshare.support;

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

    /** Audit events recorded under a correlation id, oldest first. */
    protected java.util.List<java.util.Map<String, Object>> auditEventsOf(String correlationId) {
        return jdbc.queryForList("select * from audit_event where correlation_id = ? order by seq", correlationId);
    }
}
