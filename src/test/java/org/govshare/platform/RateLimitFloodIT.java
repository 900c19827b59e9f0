package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.govshare.support.WebappLogin;
import org.junit.jupiter.api.Test;

/**
 * An official scripting the audit search in a loop, as was once done to add 11,166 events in 80 s: the caller's
 * limit on the audit family (60 calls per 10 s under the test profile) stops the searches, and the refusals leave
 * one {@code RATE_LIMITED} event per window, with the window's count in a {@code RATE_LIMIT_WINDOW_CLOSED} event
 * under the same correlation id, not one event per refused call.
 */
class RateLimitFloodIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** No other test searches the trail as this official much; the flood ends its window before the next test. */
    private static final String CALLER = "supervisor.qian";
    private static final int SCRIPTS = 6;
    private static final int REFUSALS = 200;

    /** The failed logins an address may have per window under the test profile. */
    @org.springframework.beans.factory.annotation.Value("${govshare.rate-limits.failed-logins.limit}")
    private int failedLogins;

    private record Answer(int status, String correlationId, String retryAfter, String contentType, JsonNode body) {
    }

    @Test
    void aFloodOfAuditSearchesLeavesOneEventPerWindowNotOnePerCall() throws Exception {
        auditChainer.chainPending();
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        long started = System.currentTimeMillis();
        // several scripts at once: the limit counts calls as they arrive, so however slow the searches, the flood
        // gets past it within its first window
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger refusals = new AtomicInteger();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService scripts = Executors.newFixedThreadPool(SCRIPTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < SCRIPTS; s++) {
                running.add(scripts.submit(() -> {
                    while (refusals.get() < REFUSALS && System.currentTimeMillis() - started < 60_000) {
                        Answer answer = search(http);
                        answers.add(answer);
                        if (answer.status() == 429) {
                            refusals.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> script : running) {
                script.get(90, TimeUnit.SECONDS);
            }
        } finally {
            scripts.shutdownNow();
        }
        long took = System.currentTimeMillis() - started;

        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        long searched = answers.stream().filter(a -> a.status() == 200).count();
        assertThat(searched + refused.size()).as("every call was searched or refused for its rate").isEqualTo(answers.size());
        assertThat(refused).as(answers.size() + " searches in " + took + " ms").hasSizeGreaterThanOrEqualTo(REFUSALS);
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body().path("type").asText()).isEqualTo("urn:govshare:problem:caller-rate-limit");
            assertThat(a.body().path("correlationId").asText()).isEqualTo(a.correlationId());
            assertThat(Long.parseLong(a.retryAfter())).isBetween(1L, 10L);
        });

        // once every window has closed and been flushed, the counts account for every refused call
        Eventually.within(Duration.ofSeconds(40), "the flood's windows are written down",
                () -> counted(before) == refused.size());
        List<Map<String, Object>> firsts = events(before, "RATE_LIMITED");
        long windows = took / 10_000 + 2;
        assertThat(firsts).as("one per window of 10 s, for %d refusals in %d ms", refused.size(), took)
                .hasSizeBetween(1, (int) windows);
        List<String> refusedIds = refused.stream().map(Answer::correlationId).toList();
        assertThat(firsts).allSatisfy(e -> {
            assertThat(e).containsEntry("outcome", "REFUSED").containsEntry("actor_department", "supervision");
            assertThat((String) e.get("reason")).startsWith("caller-rate-limit");
            assertThat(refusedIds).contains((String) e.get("correlation_id"));
        });
        List<Map<String, Object>> closings = events(before, "RATE_LIMIT_WINDOW_CLOSED");
        assertThat(closings).isNotEmpty().allSatisfy(e -> assertThat((String) e.get("details"))
                .contains("\"family\":\"audit\"", "\"caller\":\"" + CALLER + "\""));
        System.out.printf("flood: %d calls in %d ms, %d searched, %d refused; trail: %d RATE_LIMITED, %d RATE_LIMIT_WINDOW_CLOSED%n",
                answers.size(), took, searched, refused.size(), firsts.size(), closings.size());
        assertThat(events(before, "AUDIT_SEARCHED")).as("a refused search searched nothing").hasSize((int) searched);
        assertThat(api.get("authority.li", "/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void wrongPasswordsAreHeldByTheLimitOfTheAddressTheyComeFrom() {
        // an unknown login, not a real official's: wrong passwords would hold a real one back for a while; on /api/me,
        // whose family allows more calls than the failed logins, so that this limit is the one reached
        Response last = api.getWithPassword("no.such.official", "guess-0", "/api/me");
        List<Response> failed = new ArrayList<>();
        for (int i = 1; i < 2 * failedLogins + 100 && last.status() == 401; i++) {
            failed.add(last);
            last = api.getWithPassword("no.such.official", "guess-" + i, "/api/me");
        }

        // a fixed window may end during the loop: at most two windows' worth get through
        assertThat(failed).as("each failed login is still recorded, up to the limit").isNotEmpty()
                .hasSizeLessThanOrEqualTo(2 * failedLogins);
        assertThat(auditEventsOf(failed.get(0).correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "LOGIN_FAILED"));
        assertRefusedAndAudited(last, 429, null, null);
        assertThat(last.json().path("type").asText()).isEqualTo("urn:govshare:problem:failed-login-limit");
        Response more = api.getWithPassword("no.such.official", "guess-more", "/api/me");
        assertThat(more.status()).isEqualTo(429);
        assertThat(auditEventsOf(more.correlationId())).as("counted into its window, not recorded").isEmpty();
        assertThat(api.get("authority.li", "/api/me").status()).as("nor may a right password be told from a wrong one")
                .isEqualTo(429);
        awaitTheAddressMayLogInAgain();
    }

    @Test
    void wrongPasswordsOnTheWebappLoginAndOnAPageUnderRotatingNamesAreRecordedUpToTheLimitThenSummarised() {
        auditChainer.chainPending();
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        WebappLogin webapps = new WebappLogin(port);
        int attempts = 2 * failedLogins + 40;
        int unauthorized = 0;
        int refused = 0;
        for (int i = 0; i < attempts; i++) {
            String name = "rotating.guess." + i;
            int status = i % 2 == 0 ? webapps.login(name, "wrong-" + i, "tasklist")
                    : api.getWithPassword(name, "wrong-" + i, i % 4 == 1 ? "/audit/" : "/cases/index.html").status();
            assertThat(status).as("attempt %d", i).isIn(401, 429);
            unauthorized += status == 401 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }

        // a fixed window may end during the loop: at most two windows' worth get through
        assertThat(unauthorized).as("the address's failed logins").isBetween(1, 2 * failedLogins);
        assertThat(refused).isEqualTo(attempts - unauthorized);
        Eventually.within(Duration.ofSeconds(30), "the address's window of failed logins is written down",
                () -> loginEventsCounted(before) == attempts);
        auditChainer.chainPending();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where seq > ? and action = 'LOGIN_FAILED'"
                + " and actor like 'rotating.guess.%'", Long.class, before)).as("one by one, up to the limit only")
                .isEqualTo(unauthorized);
        awaitTheAddressMayLogInAgain();
    }

    @Test
    void anOfficialsRefusalsPastTheRecordedCapAreAnsweredAndSummarisedInOneEventPerWindow() throws Exception {
        auditChainer.chainPending();
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        // 403s on the default family (1000 calls per 10 s): past the 500 refusals recorded per 10 s, under the limit
        String official = "gaj.zhang";
        Map<Long, AtomicInteger> perWindow = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger notForbidden = new AtomicInteger();
        long started = System.currentTimeMillis();
        ExecutorService scripts = Executors.newFixedThreadPool(SCRIPTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < SCRIPTS; s++) {
                running.add(scripts.submit(() -> {
                    while (perWindow.values().stream().allMatch(n -> n.get() < 560)
                            && System.currentTimeMillis() - started < 60_000) {
                        long window = System.currentTimeMillis() / 10_000;
                        if (api.post(official, "/api/rules/reload", "{}").status() != 403) {
                            notForbidden.incrementAndGet();
                        }
                        calls.incrementAndGet();
                        perWindow.computeIfAbsent(window, w -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> script : running) {
                script.get(90, TimeUnit.SECONDS);
            }
        } finally {
            scripts.shutdownNow();
        }
        assertThat(notForbidden.get()).as("every refusal is still answered 403").isZero();
        assertThat(perWindow.values()).as("a window went past the cap").anyMatch(n -> n.get() > 520);

        Eventually.within(Duration.ofSeconds(30), "the summaries are written down",
                () -> recorded(before, official) + summarised(before, official) == calls.get());
        List<Map<String, Object>> summaries = jdbc.queryForList("select * from audit_event where seq > ?"
                + " and action = 'REFUSALS_SUMMARISED' and actor = ?", before, official);
        assertThat(summaries).as("one per window past the cap").isNotEmpty().hasSizeLessThanOrEqualTo(perWindow.size());
        assertThat(summaries).allSatisfy(e -> assertThat((String) e.get("details")).contains("\"caller\":\"" + official + "\""));
        assertThat(recorded(before, official)).as("at most 500 recorded per window of 10 s")
                .isLessThanOrEqualTo(500L * perWindow.size());
        startAFreshRefusalWindow();
    }

    private long recorded(long before, String official) {
        auditChainer.chainPending();
        return jdbc.queryForObject("select count(*) from audit_event where seq > ? and action = 'ACCESS_DENIED'"
                + " and actor = ?", Long.class, before, official);
    }

    private long summarised(long before, String official) {
        return jdbc.queryForList("select details::jsonb ->> 'refused' from audit_event where seq > ?"
                + " and action = 'REFUSALS_SUMMARISED' and actor = ?", String.class, before, official).stream()
                .mapToLong(Long::parseLong).sum();
    }

    /** Failed logins of the rotating names: recorded, or counted in the address's authentication windows. */
    private long loginEventsCounted(long before) {
        auditChainer.chainPending();
        long recorded = jdbc.queryForObject("select count(*) from audit_event where seq > ? and action = 'LOGIN_FAILED'"
                + " and actor like 'rotating.guess.%'", Long.class, before);
        List<Map<String, Object>> firsts = jdbc.queryForList("select correlation_id from audit_event where seq > ?"
                + " and action = 'RATE_LIMITED' and actor like 'rotating.guess.%'", before);
        long counted = firsts.stream().mapToLong(first -> jdbc.queryForList(
                "select details::jsonb ->> 'refused' from audit_event where action = 'RATE_LIMIT_WINDOW_CLOSED'"
                        + " and correlation_id = ? and details::jsonb ->> 'family' = 'authentication'", String.class,
                first.get("correlation_id")).stream().mapToLong(Long::parseLong).findFirst().orElse(1)).sum();
        return recorded + counted;
    }

    /** The address may log in again once its window of failed logins is over (as later tests expect). */
    private void awaitTheAddressMayLogInAgain() {
        Eventually.within(Duration.ofSeconds(30), "the address's window ended",
                () -> api.get("authority.li", "/api/me").status() == 200);
    }

    /** The refusals the trail accounts for: each window's closing count, or 1 for a window refused only once. */
    private long counted(long before) {
        auditChainer.chainPending();
        return events(before, "RATE_LIMITED").stream().mapToLong(first -> jdbc.queryForList(
                "select details::jsonb ->> 'refused' from audit_event where action = 'RATE_LIMIT_WINDOW_CLOSED'"
                        + " and correlation_id = ?", String.class, first.get("correlation_id")).stream()
                .mapToLong(Long::parseLong).findFirst().orElse(1)).sum();
    }

    private List<Map<String, Object>> events(long before, String action) {
        return jdbc.queryForList("select * from audit_event where seq > ? and actor = ? and action = ? order by seq",
                before, CALLER, action);
    }

    private Answer search(HttpClient http) throws IOException, InterruptedException {
        String correlationId = UUID.randomUUID().toString();
        HttpResponse<String> response = http.send(api.request("/api/audit?size=1")
                .header("X-Correlation-Id", correlationId)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((CALLER + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), correlationId, response.headers().firstValue("Retry-After").orElse(""),
                response.headers().firstValue("Content-Type").orElse(""), JSON.readTree(response.body()));
    }
}
