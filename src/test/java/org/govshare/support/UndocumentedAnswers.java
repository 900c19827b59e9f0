package org.govshare.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.platform.web.Problems;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Watches every answer of {@code /api/**} in every integration test: a success or an error whose status the
 * operation's OpenAPI description ({@code /v3/api-docs}) does not document (a 201 documented as 200, a 409 left out),
 * or an operation the description lacks, is noted, and
 * {@link IntegrationTest} fails the test that provoked it. So the documented errors are checked against what the code
 * really answers, across the whole suite, not against a list kept beside the code.
 */
@TestConfiguration(proxyBeanMethods = false)
public class UndocumentedAnswers {

    private static final Queue<String> FOUND = new ConcurrentLinkedQueue<>();
    /** Answers still being checked: the client may have its answer before the check after it has run. */
    private static final java.util.concurrent.atomic.AtomicInteger CHECKING = new java.util.concurrent.atomic.AtomicInteger();
    /** Each application context's description, by its server's port: a benchmark's context adds its own endpoints. */
    private static final Map<Integer, Map<String, Set<String>>> DOCUMENTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** What was found since the last call, once the answers given so far are checked. */
    public static List<String> drain() {
        long until = System.currentTimeMillis() + 10_000;
        while (CHECKING.get() > 0 && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> found = new ArrayList<>();
        for (String next; (next = FOUND.poll()) != null; ) {
            found.add(next);
        }
        return found;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> undocumentedAnswersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                CHECKING.incrementAndGet();
                try {
                    chain.doFilter(request, response);
                    check(request, response.getStatus());
                } finally {
                    CHECKING.decrementAndGet();
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void check(HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (status < 200 || (status >= 300 && status < 400) || pattern == null || !pattern.toString().startsWith("/api/")) {
            return;
        }
        // Spring answers HEAD with its GET, which is what the description documents
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        String operation = method + " " + pattern.toString().replaceAll("\\{(\\w+):[^}]*}", "{$1}");
        Set<String> statuses = documented(request.getLocalPort()).get(operation);
        if (statuses == null) {
            FOUND.add(operation + " is not in /v3/api-docs");
        } else if (!statuses.contains(Integer.toString(status))) {
            Object reason = request.getAttribute(Problems.REASON_ATTRIBUTE);
            FOUND.add(operation + " answered " + status + (reason == null ? "" : " (" + reason + ")")
                    + " but documents only " + statuses);
        }
    }

    private static Map<String, Set<String>> documented(int port) {
        return DOCUMENTED.computeIfAbsent(port, UndocumentedAnswers::read);
    }

    private static Map<String, Set<String>> read(int port) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/v3/api-docs")).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("authority.li:demo".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode paths = new ObjectMapper().readTree(answer.body()).path("paths");
            Map<String, Set<String>> operations = new HashMap<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                Set<String> statuses = new HashSet<>();
                method.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), statuses);
            }));
            return operations;
        } catch (IOException e) {
            throw new IllegalStateException("could not read /v3/api-docs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
