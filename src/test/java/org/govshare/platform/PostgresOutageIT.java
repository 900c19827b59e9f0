package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.govshare.access.GrantedRecipients;
import org.govshare.platform.elasticsearch.ElasticsearchNode;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.OwnPostgres;
import org.govshare.support.PlatformNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL stopped under the node and started again (docs/operations.md): while it is down every call is answered
 * with a 503 problem naming the outage, not a 500 or a 401; once it is back the node answers again by itself, with
 * nothing half written: every open request has its process, and the audit chain verifies with no gap.
 */
class PostgresOutageIT {

    private PlatformNode node;
    private EmbeddedPostgres postgres;

    @Test
    void whileTheDatabaseIsDownCallsAreTold503AndTheNodeRecoversByItself() throws Exception {
        Path data = Files.createTempDirectory("govshare-outage").resolve("pgdata");
        int port = ElasticsearchNode.freePort();
        postgres = OwnPostgres.start(data, port);
        PlatformNode.Cluster cluster = new PlatformNode.Cluster("outage", OwnPostgres.jdbcUrl(postgres),
                "postgres", "", Map.of("GOVSHARE_ACCESS_RATE_LIMIT", "1000000"));
        node = cluster.node("outage").start();
        node.awaitHealthy(Duration.ofSeconds(180));
        Api api = node.api();
        GrantedRecipients recipients = GrantedRecipients.published(api);
        recipients.grant("scj.yang", List.of("scj.yang"), List.of(), List.of(), List.of());
        String read = recipients.path() + "?purpose=" + java.net.URLEncoder.encode(GrantedRecipients.PURPOSE,
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(api.get("scj.yang", read).status()).isEqualTo(200);

        postgres.close();
        long down = System.nanoTime();
        List<Response> duringOutage = new ArrayList<>();
        duringOutage.add(api.get("scj.yang", read));
        duringOutage.add(api.post("rsj.zhou", "/api/requests", recipients.request(List.of("rsj.zhou"), List.of())));
        duringOutage.add(api.get("authority.li", "/engine-rest/task"));
        duringOutage.add(api.get("gaj.zhang", "/api/me"));
        for (Response answer : duringOutage) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:govshare:problem:database-unavailable");
            assertThat(answer.body()).doesNotContain("Exception");
        }

        postgres = OwnPostgres.start(data, port);
        long back = System.nanoTime();
        Eventually.within(Duration.ofSeconds(60), "the node answers again", () -> api.get("scj.yang", read).status() == 200);
        Duration recovered = Duration.ofNanos(System.nanoTime() - back);
        Response asked = api.post("rsj.zhou", "/api/requests", recipients.request(List.of("rsj.zhou"), List.of()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);

        JdbcTemplate jdbc = OwnPostgres.jdbc(postgres);
        assertThat(jdbc.queryForList("select r.id from sharing_request r where r.status = 'IN_REVIEW' and not exists"
                + " (select 1 from act_ru_execution e where e.proc_inst_id_ = r.process_instance_id)", String.class))
                .as("open requests without their process").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from sharing_request where applicant_department = 'human-resources'",
                Long.class)).as("the request asked during the outage was not stored").isEqualTo(1);
        JsonNode verified = api.get("authority.li", "/api/audit/verify").json();
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        System.out.printf("database outage: down for %s, the node answered again %s after the server was back%n",
                Duration.ofNanos(back - down), recovered);
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
