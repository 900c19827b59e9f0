package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.access.GrantedRecipients;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.AuditIndex;
import org.govshare.support.Eventually;
import org.govshare.support.PlatformNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The node killed with SIGKILL while sharing requests are asked and answered and data is read, then started again
 * (docs/operations.md): every request and grant answered 2xx before the kill is there exactly once, every open
 * request still has its reply deadline, no grant is duplicated, the audit chain verifies with no gap, and the search
 * index catches up to the same events. What became of the calls in flight at the kill is printed, as is the time to
 * recover.
 */
class KilledNodeIT {

    private static final List<String> APPLICANTS = List.of("gaj.zhang", "rsj.zhou");

    private PlatformNode node;

    /** One call of the load and what the caller was told: a status, or nothing (the node died under it). */
    private record Call(String kind, String applicant, String requestId, int status, String answeredId) {

        boolean inFlight() {
            return status == 0;
        }
    }

    @Test
    void aKilledNodeLosesNothingItAnsweredAndDuplicatesNothing() throws Exception {
        PlatformNode.Cluster cluster = new PlatformNode.Cluster("killed_node",
                Map.of("GOVSHARE_ACCESS_RATE_LIMIT", "1000000"));
        JdbcTemplate jdbc = cluster.jdbc();
        node = cluster.node("killed").start();
        node.awaitHealthy(Duration.ofSeconds(180));
        GrantedRecipients recipients = GrantedRecipients.published(node.api());
        recipients.grant("scj.yang", List.of("scj.yang"), List.of(), List.of(), List.of());
        String read = recipients.path() + "?purpose=" + URLEncoder.encode(GrantedRecipients.PURPOSE, StandardCharsets.UTF_8);

        Queue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(APPLICANTS.size() + 1);
        for (String applicant : APPLICANTS) {
            load.submit(() -> askAndGrantUntilKilled(node.api(), recipients, applicant, calls, killed));
        }
        load.submit(() -> {
            while (!killed.get()) {
                calls.add(outcome("read", "scj.yang", null, () -> node.api().get("scj.yang", read)));
            }
        });
        Thread.sleep(8_000);
        killed.set(true);
        long killedAt = System.nanoTime();
        node.kill();
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        node.start();
        node.awaitHealthy(Duration.ofSeconds(180));
        Duration recovered = Duration.ofNanos(System.nanoTime() - killedAt);

        List<Call> all = new ArrayList<>(calls);
        List<Call> answered = all.stream().filter(c -> c.status() / 100 == 2).toList();
        List<Call> inFlight = all.stream().filter(Call::inFlight).toList();
        assertThat(answered.stream().filter(c -> c.kind().equals("ask"))).as("requests asked before the kill").isNotEmpty();
        assertThat(answered.stream().filter(c -> c.kind().equals("reply"))).as("grants made before the kill").isNotEmpty();

        for (Call asked : answered.stream().filter(c -> c.kind().equals("ask")).toList()) {
            assertThat(jdbc.queryForObject("select count(*) from sharing_request where id = ?", Long.class,
                    asked.answeredId())).as("request %s answered %d", asked.answeredId(), asked.status()).isEqualTo(1);
        }
        for (Call replied : answered.stream().filter(c -> c.kind().equals("reply")).toList()) {
            assertThat(jdbc.queryForObject("select count(*) from sharing_grant where id = ? and source_id = ?", Long.class,
                    replied.answeredId(), replied.requestId())).as("grant %s of %s", replied.answeredId(),
                    replied.requestId()).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select source_type, source_id from sharing_grant group by 1, 2 having count(*) > 1"))
                .as("duplicate grants").isEmpty();
        assertThat(jdbc.queryForList("select r.id from sharing_request r where r.status = 'IN_REVIEW' and not exists"
                + " (select 1 from act_ru_job j where j.process_instance_id_ = r.process_instance_id"
                + " and j.handler_type_ like 'timer%')", String.class)).as("open requests without their reply deadline").isEmpty();
        assertThat(jdbc.queryForList("select r.id from sharing_request r where r.status = 'GRANTED' and not exists"
                + " (select 1 from sharing_grant g where g.source_id = r.id)", String.class)).as("granted without a grant").isEmpty();

        JsonNode verified = node.api().get("authority.li", "/api/audit/verify").json();
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        Map<String, Object> chain = jdbc.queryForMap("select count(*) as events, max(seq) as last from audit_event"
                + " where seq is not null");
        assertThat(((Number) chain.get("last")).longValue()).as("one gapless chain: " + chain)
                .isEqualTo(((Number) chain.get("events")).longValue());

        long indexCaughtUp = System.nanoTime();
        Eventually.within(Duration.ofSeconds(120), "the index holds every stored event",
                () -> AuditIndex.ids("killed_node-audit").equals(new HashSet<>(jdbc.queryForList(
                        "select id from audit_event", String.class))));

        System.out.printf("killed node: %d calls answered before the kill (%d ask, %d reply, %d read), %d in flight at"
                        + " the kill: %s; recovered (killed to healthy) in %s; index caught up %s after that%n",
                answered.size(), answered.stream().filter(c -> c.kind().equals("ask")).count(),
                answered.stream().filter(c -> c.kind().equals("reply")).count(),
                answered.stream().filter(c -> c.kind().equals("read")).count(), inFlight.size(),
                inFlight.stream().map(c -> fate(jdbc, c, all)).toList(), recovered,
                Duration.ofNanos(System.nanoTime() - indexCaughtUp));
    }

    /** One applicant asks, Civil Affairs grants, and again, until the node dies. */
    private static void askAndGrantUntilKilled(Api api, GrantedRecipients recipients, String applicant,
                                               Queue<Call> calls, AtomicBoolean killed) {
        while (!killed.get()) {
            Call asked = outcome("ask", applicant, null, () -> api.post(applicant, "/api/requests",
                    recipients.request(List.of(applicant), List.of())));
            calls.add(asked);
            if (asked.status() != 201) {
                return;
            }
            Call replied = outcome("reply", applicant, asked.answeredId(), () -> api.post("mzj.chen",
                    "/api/requests/" + asked.answeredId() + "/reply", "{\"decision\":\"APPROVE\"}"));
            calls.add(replied);
            if (replied.status() != 200) {
                return;
            }
        }
    }

    private static Call outcome(String kind, String applicant, String requestId, java.util.function.Supplier<Response> call) {
        try {
            Response answer = call.get();
            String id = answer.status() / 100 != 2 || kind.equals("read") ? null
                    : kind.equals("ask") ? answer.json().path("id").asText() : answer.json().path("grantId").asText();
            return new Call(kind, applicant, requestId, answer.status(), id);
        } catch (IllegalStateException died) {
            return new Call(kind, applicant, requestId, 0, null);
        }
    }

    /** What became of a call the node died under, as the database has it after the restart. */
    private static String fate(JdbcTemplate jdbc, Call call, List<Call> all) {
        if (call.kind().equals("reply")) {
            return "reply to " + call.requestId() + ": the request is now " + jdbc.queryForObject(
                    "select status from sharing_request where id = ?", String.class, call.requestId());
        }
        if (call.kind().equals("ask")) {
            Set<String> answered = new HashSet<>();
            all.stream().filter(c -> c.applicant().equals(call.applicant()) && c.answeredId() != null
                    && c.kind().equals("ask")).forEach(c -> answered.add(c.answeredId()));
            List<String> unanswered = jdbc.queryForList("select id from sharing_request where applicant_department ="
                    + " (select applicant_department from sharing_request where id = ?)", String.class,
                    answered.iterator().next()).stream().filter(id -> !answered.contains(id)).toList();
            return "ask by " + call.applicant() + ": " + (unanswered.isEmpty() ? "not stored"
                    : "stored as " + unanswered + ", which the caller never heard of");
        }
        return call.kind() + ": no answer, nothing stored";
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }
}
