package org.govshare.access;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading through a provider's own service, over HTTP on PostgreSQL and Elasticsearch: the same grant checks, item
 * selection and masking as hosted data; a provider that answers late is a 504, one that fails a 502, neither passing
 * the provider's own text through, and both audited.
 */
class ProviderDataAccessIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURPOSE = "低保申请人身份核验 identity checks";
    private static final String LEAKED = "ORA-01017 connect as gaj_app/hunter2-internal";
    private static HttpServer provider;
    private static ExecutorService threads;
    private static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);

    @BeforeAll
    static void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        provider.setExecutor(threads);
        provider.createContext("/residents", e -> send(e, 200, """
                [{"公民身份号码":"410105199001011234","姓名":"张三","户籍地址":"金水区花园路1号","内部备注":"见卷宗 17"}]"""));
        provider.createContext("/failing", e -> send(e, 500, "{\"error\":\"" + LEAKED + "\"}"));
        provider.createContext("/slow", e -> {
            try {
                RELEASE_SLOW.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            send(e, 200, "[]");
        });
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        RELEASE_SLOW.countDown();
        provider.stop(0);
        threads.shutdownNow();
    }

    private String grantedResidents(String servicePath) {
        String code = CatalogEntries.publish(api, "gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        register(code, servicePath);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ObjectNode body = JSON.createObjectNode();
        body.put("resourceCode", code);
        body.set("items", JSON.valueToTree(List.of("公民身份号码", "姓名")));
        body.put("purpose", PURPOSE);
        body.put("scenario", "ADMINISTRATIVE_APPROVAL");
        body.put("validFrom", today.toString());
        body.put("validUntil", today.plusDays(30).toString());
        body.set("officials", JSON.valueToTree(List.of("mzj.liu")));
        String id = RequestsThroughTheSteps.ask(api, "mzj.liu", body.toString()).json().path("id").asText();
        Response approved = RequestsThroughTheSteps.reply(api, "gaj.wang", id, "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().path("status").asText()).as(approved.body()).isEqualTo("GRANTED");
        return code;
    }

    private void register(String code, String servicePath) {
        Response registered = api.put("gaj.wang", "/api/data/" + code + "/service", "application/json", """
                {"url":"http://127.0.0.1:%d%s","parameters":["公民身份号码"],"timeoutMillis":300,"credentials":{"type":"NONE"}}"""
                .formatted(provider.getAddress().getPort(), servicePath));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    }

    private Response read(String code) {
        return api.get("mzj.liu", "/api/data/" + code + "?purpose=" + URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8));
    }

    @Test
    void theProvidersAnswerComesThroughTheGrantMaskedAndWithoutItemsOutsideIt() {
        String code = grantedResidents("/residents");

        Response response = read(code);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.path("dataVersion").isNull()).isTrue();
        assertThat(answer.path("dataAsOf").asText()).isNotBlank();
        JsonNode record = answer.path("records").get(0);
        assertThat(record.has("户籍地址")).as("asked by nobody, granted to nobody").isFalse();
        assertThat(record.has("内部备注")).as("not an item of the resource").isFalse();
        assertThat(record.path("公民身份号码").asText()).isNotEqualTo("410105199001011234").contains("*");
        assertThat(record.path("姓名").asText()).doesNotContain("三");
        assertThat(auditEventsOf(response.correlationId())).extracting(e -> e.get("action")).containsExactly("DATA_ACCESSED");
    }

    @Test
    void aProviderWhoseAddressIsNoLongerAllowedIsA502AuditedAndNeverCalled() {
        String code = grantedResidents("/residents");
        jdbc.update("update provider_service set url = ? where resource_code = ?",
                "http://169.254.169.254/latest/meta-data/", code);

        Response response = read(code);

        assertThat(response.status()).as(response.body()).isEqualTo(502);
        assertThat(response.json().path("type").asText()).endsWith("provider-address-not-allowed");
        assertThat(response.body()).doesNotContain("169.254");
        assertThat(auditEventsOf(response.correlationId())).singleElement().satisfies(event -> {
            assertThat(event.get("action")).isEqualTo("REQUEST_FAILED");
            assertThat(event.get("outcome")).isEqualTo("FAILED");
            assertThat((String) event.get("reason")).startsWith("provider-address-not-allowed: ");
        });
    }

    @Test
    void aSlowProviderIsA504AndAFailingOneA502AndNeitherLeaksItsText() {
        String code = grantedResidents("/slow");

        Response slow = read(code);
        assertThat(slow.status()).as(slow.body()).isEqualTo(504);
        assertThat(slow.json().path("type").asText()).endsWith("provider-timeout");
        assertThat(auditEventsOf(slow.correlationId())).extracting(e -> e.get("outcome")).containsExactly("FAILED");

        // a resource of its own: a new address under live grants waits for a filing where the pack asks (Art. 27)
        Response failing = read(grantedResidents("/failing"));
        assertThat(failing.status()).as(failing.body()).isEqualTo(502);
        assertThat(failing.json().path("type").asText()).endsWith("provider-failed");
        assertThat(failing.body()).doesNotContain("ORA-01017").doesNotContain("hunter2");
        assertThat(auditEventsOf(failing.correlationId()).toString()).doesNotContain("hunter2");
    }
}
