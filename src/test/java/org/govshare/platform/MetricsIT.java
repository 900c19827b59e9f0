package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The metrics an operator scrapes (docs/operations.md): who may read them, and that every promised figure is there. */
class MetricsIT extends IntegrationTest {

    private static final String SCRAPER = "prometheus";
    private static final String SCRAPE_PASSWORD = "scrape-in-tests";

    @Test
    void theScrapeCredentialReadsEveryPromisedFigure() {
        Response metrics = api.getWithPassword(SCRAPER, SCRAPE_PASSWORD, "/actuator/prometheus");

        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).contains(
                "http_server_requests_seconds_count{", "http_server_requests_seconds_bucket{",
                "govshare_audit_unchained_events", "govshare_audit_unindexed_events",
                "govshare_audit_indexing_lag_seconds",
                "govshare_deadlines_scheduled", "govshare_deadlines_due_next_day", "govshare_deadlines_overdue",
                "govshare_deadlines_missed{application=\"govshare\",type=\"DELAYED_REPLY\"}",
                "govshare_grants_active",
                "govshare_engine_jobs{application=\"govshare\",state=\"executable\"}",
                "govshare_engine_jobs{application=\"govshare\",state=\"failed\"}",
                "govshare_engine_incidents{application=\"govshare\",type=\"failedJob\"}",
                "executor_active_threads{application=\"govshare\",name=\"camundaTaskExecutor\"}",
                "jvm_memory_used_bytes", "hikaricp_connections_active");
    }

    @Test
    void refusalsAreCountedByTheRuleTheyName() {
        Response refused = api.post("jsq.xu", "/api/role-requests", "{\"requestedRole\": \"APPLICANT\",");
        assertThat(refused.status()).isEqualTo(400);

        assertThat(api.getWithPassword(SCRAPER, SCRAPE_PASSWORD, "/actuator/prometheus").body())
                .containsPattern("govshare_refusals_total\\{application=\"govshare\",rule=\"malformed-json\",status=\"400\"} [1-9]");
    }

    @Test
    void aProcessOwnerMayReadTheMetricsAndNoOtherOfficial() {
        assertThat(api.get("owner.zhao", "/actuator/prometheus").status()).isEqualTo(200);

        Response applicant = api.get("jsq.xu", "/actuator/prometheus");
        assertThat(applicant.status()).isEqualTo(403);
        assertThat(applicant.json().path("type").asText()).isEqualTo("urn:govshare:problem:access-denied");
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.getWithPassword(SCRAPER, "wrong", "/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void theScrapeCredentialOpensNothingElse() {
        assertThat(api.getWithPassword(SCRAPER, SCRAPE_PASSWORD, "/api/me").status()).isEqualTo(401);
        assertThat(api.getWithPassword(SCRAPER, SCRAPE_PASSWORD, "/engine-rest/task").status()).isEqualTo(401);
    }
}
