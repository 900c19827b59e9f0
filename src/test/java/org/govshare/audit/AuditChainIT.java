package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.govshare.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Art. 27: the audit trail is append-only and tamper-evident. */
class AuditChainIT extends IntegrationTest {

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void appendsDoNotWaitOnEachOtherAndTheChainerLinksThemInCommitOrder() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = other.submit(() -> transaction.executeWithoutResult(s -> {
                auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "test", "held-open").by(Actor.SYSTEM));
                appended.countDown();
                await(release);
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

            // with the first transaction still open, a second one appends and commits: nothing waits for the first
            transaction.executeWithoutResult(s ->
                    auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "test", "committed-first").by(Actor.SYSTEM)));
            auditChainer.chainPending();
            Long first = jdbc.queryForObject("select seq from audit_event where object_id = 'committed-first'", Long.class);
            assertThat(first).as("chained although an earlier append is still open").isNotNull();

            release.countDown();
            slow.get(30, TimeUnit.SECONDS);
            auditChainer.chainPending();
            Long second = jdbc.queryForObject("select seq from audit_event where object_id = 'held-open'", Long.class);
            assertThat(second).as("chained after its transaction committed").isGreaterThan(first);
            assertThat(api.get("authority.li", "/api/audit/verify").json().path("intact").asBoolean()).isTrue();
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theChainOfAStartedPlatformIsIntactAndTheCheckIsAudited() {
        api.get("gaj.zhang", "/api/departments/human-resources/tasks");

        Response verification = api.get("supervisor.qian", "/api/audit/verify");

        assertThat(verification.json().path("intact").asBoolean()).as(verification.body()).isTrue();
        assertThat(verification.json().path("eventsChecked").asLong()).isPositive();
        assertThat(auditEventsOf(verification.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "AUDIT_VERIFIED").containsEntry("actor", "supervisor.qian"));
    }

    @Test
    void theApplicationCannotChangeOrRemoveAnEvent() {
        assertThatThrownBy(() -> jdbc.update("update audit_event set reason = 'nothing happened' where seq = 1"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageStartingWith(rootCause("UPDATE"));
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where seq = 1"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageStartingWith(rootCause("DELETE"));
        assertThatThrownBy(() -> jdbc.update("update audit_event set seq = null, hash = null where seq = 1"))
                .as("a chained event is never unchained").isInstanceOf(DataAccessException.class);
    }

    @Test
    void anEventAlteredBehindThePlatformsBackIsNamed() throws SQLException {
        Response refused = api.get("gaj.zhang", "/api/departments/market-supervision/officials");
        Map<String, Object> event = auditEventsOf(refused.correlationId()).get(0);
        long seq = ((Number) event.get("seq")).longValue();

        try (Connection dba = superuser()) {
            setReason(dba, seq, "nothing to see here");
            JsonNode broken = api.get("authority.li", "/api/audit/verify").json();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(broken.path("firstBrokenId").asText()).isEqualTo(event.get("id"));
            assertThat(broken.path("problem").asText()).contains("altered");
            setReason(dba, seq, (String) event.get("reason"));
        }
        assertThat(api.get("authority.li", "/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRemovedEventIsNamedAsMissing() throws SQLException {
        Response refused = api.get("gaj.zhang", "/api/departments/civil-affairs/officials");
        long seq = ((Number) auditEventsOf(refused.correlationId()).get(0).get("seq")).longValue();
        api.get("gaj.zhang", "/api/departments/civil-affairs/officials");

        try (Connection dba = superuser(); Statement s = dba.createStatement()) {
            s.execute("create temporary table removed as select * from audit_event where seq = " + seq);
            s.execute("delete from audit_event where seq = " + seq);
            JsonNode broken = api.get("authority.li", "/api/audit/verify").json();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("problem").asText()).contains("event " + seq + " is missing");
            s.execute("insert into audit_event select * from removed");
        }
        assertThat(api.get("authority.li", "/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    private static String rootCause(String operation) {
        return "ERROR: audit_event is append-only: " + operation + " is not allowed";
    }

    /** A database administrator's session, with the append-only triggers switched off as only a superuser can. */
    private static Connection superuser() throws SQLException {
        Connection connection = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
        try (Statement s = connection.createStatement()) {
            s.execute("set session_replication_role = replica");
        }
        return connection;
    }

    private static void setReason(Connection dba, long seq, String reason) throws SQLException {
        try (PreparedStatement update = dba.prepareStatement("update audit_event set reason = ? where seq = ?")) {
            update.setString(1, reason);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
