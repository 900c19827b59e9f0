package org.govshare.platform.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description of {@code /api/**} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html} for
 * logged-in officials): who may call (HTTP Basic for officials and registered systems, or a Tasklist session for
 * reads), and on every operation the problems it may answer, each an RFC 9457 problem naming the rule and the field.
 * Which problems follow from what the operation takes ({@link #problemsOf}); the integration tests fail on any
 * answer of the API whose status its operation does not document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "input refused: the problem names each field and the rule it broke"),
            Map.entry(401, "no credentials, or wrong ones"),
            Map.entry(403, "the caller's department or roles do not allow this, or a registered system off its allow-list"),
            Map.entry(404, "nothing by that id, or nothing the caller may see"),
            Map.entry(406, "the Accept header asks for a format this operation does not answer in"),
            Map.entry(409, "the case or record is not in a state that allows this, or another official did it first"),
            Map.entry(413, "the body or a file is over its size limit"),
            Map.entry(415, "a body of a type this operation does not take"),
            Map.entry(429, "over the caller's rate limit or the grant's; Retry-After says when to try again"),
            Map.entry(500, "a failure of the platform's own, logged under the answer's correlation id"),
            Map.entry(502, "the provider's service failed or may not be called at its address"),
            Map.entry(503, "a part the platform needs (the database, the search index) is down; try again later"),
            Map.entry(504, "the provider's service did not answer in time"));

    @Bean
    OpenAPI govShareApi() {
        return new OpenAPI()
                .info(new Info().title("GovShare API").version("1")
                        .description("Government information resource sharing: the catalog, sharing requests, grants,"
                                + " data access and the cases of the regulation. Every refusal is a problem document"
                                + " (RFC 9457) naming the rule and the field, with a correlation id under which it is"
                                + " audited. See the README and docs/ of the project."))
                .components(new Components()
                        .addSecuritySchemes("official", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("an official's login and password, or a registered system's client id"
                                        + " (sys-…) and secret; a system may call only the grants and data reads"))
                        .addSecuritySchemes("tasklistSession", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("the session of an official logged in to the Camunda webapps, for reads"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("official"))
                .addSecurityItem(new SecurityRequirement().addList("tasklistSession"));
    }

    private static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, parameter or file refused"))
                .addProperty("rule", new StringSchema().description("the rule it broke, e.g. not-blank, unknown-parameter"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details, as every refusal of the platform is answered")
                .addProperty("type", new StringSchema().example("urn:govshare:problem:unknown-parameter")
                        .description("urn:govshare:problem:<rule>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what was refused and what to do, in a sentence"))
                .addProperty("instance", new StringSchema())
                .addProperty("correlationId", new StringSchema().description("the id the refusal is audited and logged under"))
                .addProperty("errors", new ArraySchema().items(error));
    }

    /** Documents on every operation the problems it may answer. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            for (int status : problemsOf(handler, methodsOf(handler))) {
                operation.getResponses().computeIfAbsent(Integer.toString(status), s -> new ApiResponse()
                        .description(HttpStatus.valueOf(status).getReasonPhrase() + ": " + MEANINGS.get(status))
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
            return operation;
        };
    }

    /**
     * The problems an operation may answer, from what it takes: any operation refuses bad or unknown parameters
     * (400), a caller without the right credentials, roles or department (401, 403), an answer in a format it does
     * not offer (406), a caller over its rate limit (429), and answers 503 while the database or the search index is down and 500 on a failure of its own; one with
     * an id in its path answers 404; one that changes something answers 409 when the state does not allow it; one
     * with a body refuses an oversized or wrongly typed one (413, 415); a data read may fail at the provider's
     * service (502, 504). The state-based refusals of a read (409 under a pack without the step, 429 of a grant)
     * are documented on every operation, since any operation may refuse a step its rule pack does not take.
     */
    static Set<Integer> problemsOf(HandlerMethod handler, Set<RequestMethod> methods) {
        Set<Integer> problems = new TreeSet<>(Set.of(400, 401, 403, 406, 409, 429, 500, 503));
        boolean takesPathVariables = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        if (takesPathVariables) {
            problems.add(404);
        }
        boolean takesBody = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestPart.class)
                        || org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(p.getParameterType()));
        if (takesBody || methods.stream().anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD)) {
            problems.add(413);
            problems.add(415);
        }
        if (handler.getBeanType().getPackageName().endsWith(".access")) {
            problems.add(502);
            problems.add(504);
        }
        return problems;
    }

    /** The HTTP methods an operation is mapped to, from its mapping annotation ({@code @PostMapping} and the like). */
    private static Set<RequestMethod> methodsOf(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null ? Set.of() : Set.of(mapping.method());
    }
}
