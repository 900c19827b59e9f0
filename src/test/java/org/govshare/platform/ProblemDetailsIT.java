package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Bad input: a problem detail naming the field and the rule, nothing stored, the refusal audited. */
class ProblemDetailsIT extends IntegrationTest {

    private long instances() {
        return jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
    }

    private void assertRefusedAndAudited(Response response, int status, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:govshare:problem:" + rule);
        assertThat(response.json().path("correlationId").asText()).isEqualTo(response.correlationId());
        assertThat(auditEventsOf(response.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("outcome", "REFUSED").containsEntry("actor", "jsq.xu"));
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        long before = instances();
        Response response = api.post("jsq.xu", "/api/role-requests", "{\"requestedRole\": \"APPLICANT\",");

        assertRefusedAndAudited(response, 400, "malformed-json");
        assertThat(response.json().path("detail").asText()).contains("line 1");
        assertThat(instances()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsNamed() {
        long before = instances();
        Response response = api.post("jsq.xu", "/api/role-requests",
                "{\"requestedRole\":\"APPLICANT\",\"reason\":\"for my duties\",\"urgent\":true}");

        assertRefusedAndAudited(response, 400, "unknown-field");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("urgent");
        assertThat(instances()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreEachNamedWithTheirRule() {
        Response response = api.post("jsq.xu", "/api/role-requests", "{\"reason\":\"abc\"}");

        assertRefusedAndAudited(response, 400, response.json().path("errors").get(0).path("rule").asText());
        assertThat(response.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("requestedRole", "reason");
        assertThat(response.json().path("errors").findValuesAsText("rule")).contains("not-blank", "size");
    }

    @Test
    void anUnknownRoleListsTheKnownOnes() {
        Response response = api.post("jsq.xu", "/api/role-requests",
                "{\"requestedRole\":\"EMPEROR\",\"reason\":\"for my duties\"}");

        assertRefusedAndAudited(response, 400, "unknown-value");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("APPLICANT", "SUPERVISOR");
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsRead() {
        long before = instances();
        String huge = "{\"reason\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Response response = api.post("jsq.xu", "/api/role-requests", huge);

        assertRefusedAndAudited(response, 413, "body-too-large");
        assertThat(instances()).isEqualTo(before);
    }

    @Test
    void anOversizeChunkedBodyIsRefusedWhileReading() {
        String huge = "{\"reason\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpRequest.Builder chunked = api.request("/api/role-requests")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())));

        Response response = api.send("jsq.xu", Api.PASSWORD, chunked, null);

        assertRefusedAndAudited(response, 413, "body-too-large");
    }
}
