package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every GET endpoint of the API, as Spring maps them (so an endpoint added later is walked too), with bad
 * paging and with a parameter no endpoint takes: each answers a 400 problem naming the parameter, never a 500 and
 * never Spring's default error body. An endpoint that pages refuses {@code page=-1} by the rule {@code min}; one that
 * does not, as a parameter it does not take; the walk says which is which.
 *
 * <p>File downloads (the catalog template, a report's evidence) are walked like the rest: their refusals are
 * problems too, since the check runs before anything is downloaded.
 */
class ApiParameterWalkIT extends IntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)[^}]*}");
    /** Plausible values for the path variables; the refusal comes before anything is looked up. */
    private static final Map<String, String> VALUES = Map.of("year", "2026", "version", "1", "front", "101001",
            "back", "101001", "code", "sharing-authority", "id", "GX-2026-000001", "clientId", "sys-unknown");
    /** Well below the test profile's 500 refusals recorded per caller and 10 s. */
    private static final int REFUSALS_PER_WINDOW = 300;
    private static final List<String> BAD_PAGING = List.of("page=-1", "page=abc", "size=0", "size=100000", "size=abc");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private record Endpoint(String path, HandlerMethod handler) {

        /** An endpoint that reads any other parameter as a filter (a data read) has no unknown parameters. */
        boolean takesAnyParameter() {
            return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestParam.class)
                    && Map.class.isAssignableFrom(p.getParameterType()));
        }
    }

    private List<Endpoint> getEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    endpoints.add(new Endpoint(fill(pattern), mapping.getValue()));
                }
            }
        }
        return endpoints;
    }

    private static String fill(String pattern) {
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, VALUES.getOrDefault(variable.group(1), "x"));
        }
        return variable.appendTail(path).toString();
    }

    @Test
    void everyGetEndpointRefusesBadPagingAndUnknownParametersWithAProblem() {
        List<Endpoint> endpoints = getEndpoints();
        assertThat(endpoints).as("the walk finds the API").hasSizeGreaterThan(30);
        TreeSet<String> paged = new TreeSet<>();
        TreeSet<String> unpaged = new TreeSet<>();

        // the walk refuses one official some 500 times: in windows of its own, so that each refusal is recorded
        // one by one (recorded-refusals) and the tests after it start below the cap
        startAFreshRefusalWindow();
        int refusedInWindow = 0;
        for (Endpoint endpoint : endpoints) {
            if (refusedInWindow > REFUSALS_PER_WINDOW) {
                startAFreshRefusalWindow();
                refusedInWindow = 0;
            }
            refusedInWindow += BAD_PAGING.size() + 1;
            if (!endpoint.takesAnyParameter()) {
                Response unknown = api.get("authority.li", endpoint.path() + "?colour=red");
                assertRefusedAndAudited(unknown, 400, "colour", "unknown-parameter");
                assertProblem(unknown, endpoint, "colour");
            }
            for (String bad : BAD_PAGING) {
                String field = bad.substring(0, bad.indexOf('='));
                Response response = api.get("authority.li", endpoint.path() + "?" + bad);
                assertProblem(response, endpoint, field);
                if (bad.equals("page=-1")) {
                    String rule = response.json().path("errors").get(0).path("rule").asText();
                    (rule.equals("min") ? paged : unpaged).add(endpoint.path());
                    assertThat(rule).as(endpoint.path()).isIn("min", "unknown-parameter");
                }
            }
        }

        startAFreshRefusalWindow();
        System.out.println("Endpoints that page: " + paged + "\nEndpoints that take no paging: " + unpaged);
        assertThat(paged).as("the lists of issue 13 page, and refuse bad paging as such").contains("/api/requests",
                "/api/grants", "/api/corrections", "/api/disputes", "/api/consultations", "/api/notices",
                "/api/audit", "/api/catalog", "/api/rectifications", "/api/criticisms", "/api/data/101001/101001",
                "/api/violations", "/api/needs", "/api/needs/unmet", "/api/systems", "/api/catalog/submissions",
                "/api/catalog/resources/101001/101001/history", "/api/data/101001/101001/versions",
                "/api/departments/sharing-authority/officials", "/api/departments/sharing-authority/tasks");
    }

    private void assertProblem(Response response, Endpoint endpoint, String field) {
        String call = "GET " + endpoint.path() + " (" + endpoint.handler().getShortLogMessage() + ")";
        assertThat(response.status()).as(call + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).as(call).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).as(call).contains(field);
        assertThat(response.json().path("correlationId").asText()).as(call).isEqualTo(response.correlationId());
        assertThat(response.body()).as(call).doesNotContain("\"timestamp\"").doesNotContain("Whitelabel");
    }
}
