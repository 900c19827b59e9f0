package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description covers every endpoint of {@code /api/**} as Spring maps them (an endpoint added later
 * without being described fails here), with the problem schema and the security schemes; Swagger UI is for logged-in
 * officials. That every error an operation answers is documented is checked on every answer of every integration
 * test ({@code UndocumentedAnswers}).
 */
class OpenApiIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode docs() {
        Response docs = api.get("authority.li", "/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void everyEndpointOfTheApiIsDescribed() {
        JsonNode paths = docs().path("paths");
        Set<String> described = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    mapping.getKey().getMethodsCondition().getMethods().forEach(method ->
                            mapped.add(method + " " + pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}")));
                }
            }
        }

        assertThat(mapped).as("the walk finds the API").hasSizeGreaterThan(100);
        assertThat(described).as("operations of /api/** in /v3/api-docs").containsAll(mapped);
    }

    @Test
    void everyOperationDocumentsItsProblemsWithTheProblemSchema() {
        JsonNode docs = docs();
        assertThat(docs.path("openapi").asText()).startsWith("3.");
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").fieldNames())
                .toIterable().contains("type", "detail", "correlationId", "errors");
        assertThat(docs.path("components").path("securitySchemes").path("official").path("scheme").asText()).isEqualTo("basic");

        JsonNode read = docs.path("paths").path("/api/requests/{id}").path("get").path("responses");
        assertThat(read.fieldNames()).toIterable().contains("200", "400", "401", "403", "404", "429");
        assertThat(read.path("404").path("content").path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(docs.path("paths").path("/api/requests").path("post").path("responses").fieldNames()).toIterable()
                .contains("201", "400", "409", "413", "415").doesNotContain("200");
    }

    @Test
    void swaggerUiIsForLoggedInOfficials() {
        Response page = api.get("gaj.zhang", "/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(401);
        assertThat(api.get(null, "/v3/api-docs").status()).isEqualTo(401);
    }
}
