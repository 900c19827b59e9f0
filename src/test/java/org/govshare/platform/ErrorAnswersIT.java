package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Whatever goes wrong, the answer is a problem document with a rule and the correlation id: Spring's refusals (no
 * such path, a method or media type not taken), the engine REST API's unknown ids, the container's error page, and
 * a request Tomcat cannot parse at all. Never Spring's default body, never Tomcat's HTML page.
 */
class ErrorAnswersIT extends IntegrationTest {

    private void assertProblem(Response response, int status, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:govshare:problem:" + rule);
        assertThat(response.json().path("correlationId").asText()).isEqualTo(response.correlationId());
        assertThat(response.body()).doesNotContain("\"timestamp\"").doesNotContain("\tat ");
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        assertProblem(api.get("authority.li", "/api/no-such-thing"), 404, "not-found");
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIsRefusedNamingIt() {
        Response response = api.send("authority.li", Api.PASSWORD, api.request("/api/notices").DELETE(), null);

        assertProblem(response, 405, "method-not-allowed");
        assertThat(auditEventsOf(response.correlationId())).extracting(e -> e.get("outcome")).contains("REFUSED");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsRefusedNamingIt() {
        Response response = api.send("jsq.xu", Api.PASSWORD, api.request("/api/role-requests")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("please")), null);

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(response.json().path("detail").asText()).contains("text/plain");
    }

    @Test
    void anAnswerInAFormatNotOfferedIsRefusedAsAProblem() {
        Response response = api.send("jsq.xu", Api.PASSWORD, api.request("/api/notices")
                .header("Accept", "text/csv").GET(), null);

        assertThat(response.status()).as(response.body()).isEqualTo(406);
        assertThat(response.body()).doesNotContain("\"timestamp\"");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheParameter() {
        Response parameter = api.get("jsq.xu", "/api/requests?status=MAYBE");
        Response pathVariable = api.get("jsq.xu", "/api/calendar/next-year");

        assertRefusedAndAudited(parameter, 400, "status", "invalid-format");
        assertRefusedAndAudited(pathVariable, 400, "year", "invalid-format");
    }

    @Test
    void anUploadWithoutItsFileOrWithABrokenBodyIsRefused() {
        Response wrongPart = api.postFiles("gaj.wang", "/api/catalog/imports", java.util.Map.of("entries.xlsx", new byte[] {1}));
        Response broken = api.postBody("gaj.wang", "/api/catalog/imports", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\ncut off before the end"
                        .getBytes(StandardCharsets.UTF_8));

        assertRefusedAndAudited(wrongPart, 400, "file", "required");
        assertProblem(broken, 400, "malformed-multipart");
    }

    @Test
    void theContainersErrorPageAnswersAProblem() {
        Response response = api.get("jsq.xu", "/error");

        assertProblem(response, 500, "internal-server-error");
    }

    @Test
    void unknownIdsOnTheEngineRestApiAreNotFoundProblems() {
        assertProblem(api.post("authority.li", "/engine-rest/task/no-such-task/complete", "{\"variables\":{}}"),
                404, "not-found");
        assertProblem(api.get("authority.li", "/engine-rest/task/no-such-task"), 404, "not-found");
        Response instance = api.get("authority.li", "/engine-rest/process-instance/no-such-instance");
        assertProblem(instance, 404, "not-found");
        assertThat(instance.json().path("message").asText()).as("Camunda's webapps show the message").isNotBlank();
    }

    @Test
    void aRawNonAsciiParameterNameGetsAProblemNotTomcatsPage() throws IOException {
        String credentials = Base64.getEncoder().encodeToString("gaj.zhang:demo".getBytes(StandardCharsets.UTF_8));
        byte[] request = ("GET /api/data/203002/102001?purpose=x&姓名=张三 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);

        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            answer = readAll(socket.getInputStream());
        }

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13)).findFirst())
                .hasValueSatisfying(header -> assertThat(header).contains("application/problem+json"));
        assertThat(answer).contains("\"type\":\"urn:govshare:problem:malformed-request\"", "percent-encode",
                "\"correlationId\":\"").doesNotContain("<html").doesNotContain("\tat ");
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
