package org.govshare.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditIndexer;
import org.govshare.audit.AuditTrail;
import org.govshare.support.Api;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.govshare.support.TestInfrastructure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** The audit chain anchored outside the database: checkpoints made, kept, checked, and checked with openssl alone. */
class AuditAnchoringIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    AuditAnchors anchors;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    AuditIndexer auditIndexer;

    @Autowired
    AnchorProperties properties;

    @Autowired
    CheckpointFile file;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void aCheckpointIsMadeOnceEnoughEventsWereChainedAndItVerifies() {
        for (int i = 0; i < properties.everyEvents(); i++) {
            auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "test", "anchored-" + i).by(Actor.SYSTEM));
        }
        auditChainer.chainPending();
        long last = jdbc.queryForObject("select seq from audit_event where object_id = ?", Long.class,
                "anchored-" + (properties.everyEvents() - 1));

        Eventually.within(Duration.ofSeconds(30), "the worker anchors event " + last,
                () -> anchors.covering(last).isPresent());
        Checkpoint checkpoint = anchors.covering(last).orElseThrow();

        JsonNode verification = api.get("supervisor.qian", "/api/audit/verify").json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(checkpoint.number());
        assertThat(verification.path("lastGoodCheckpoint").asLong()).isGreaterThanOrEqualTo(checkpoint.number());
        assertThat(verification.path("anchoredUpTo").asLong()).isGreaterThanOrEqualTo(last);

        MerkleProof proof = anchors.proofOf(last).orElseThrow();
        assertThat(proof.checkpoint()).isEqualTo(checkpoint.number());
        assertThat(MerkleTree.verify(proof, checkpoint.merkleRoot())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CHECKPOINT_MADE'"
                + " and object_id = ?", Integer.class, Long.toString(checkpoint.number()))).isEqualTo(1);
        CheckpointStatement statement = CheckpointStatement.parse(checkpoint.statement());
        assertThat(statement.merkleRoot()).isEqualTo(checkpoint.merkleRoot());
        assertThat(statement.lastSeq()).isEqualTo(checkpoint.lastSeq());
    }

    @Test
    void aRewrittenSuffixIsCaughtThoughTheChainAloneHolds() throws Exception {
        anchors.checkpointNow();
        auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "test", "to-be-rewritten").by(Actor.SYSTEM));
        auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "test", "after-it").by(Actor.SYSTEM));
        Checkpoint covering = anchors.checkpointNow();
        long target = covering.firstSeq();
        Map<String, Object> event = jdbc.queryForMap("select id, reason from audit_event where seq = ?", target);
        auditIndexer.drain();

        try (Connection dba = superuser(); Connection makers = superuser()) {
            holdTheMakersLock(makers);
            ChainRewriter.rewrite(dba, target, "nothing happened here");
            try {
                JsonNode broken = api.get("authority.li", "/api/audit/verify").json();

                assertThat(broken.path("hashChainIntact").asBoolean()).as("the walk of the chain alone: " + broken)
                        .isTrue();
                assertThat(broken.path("intact").asBoolean()).isFalse();
                assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(target);
                assertThat(broken.path("firstBrokenId").asText()).isEqualTo(event.get("id"));
                assertThat(broken.path("problem").asText()).startsWith("checkpoint " + covering.number() + ": ")
                        .contains("Merkle root");
                assertThat(broken.path("lastGoodCheckpoint").asLong()).isEqualTo(covering.number() - 1);
                assertThat(broken.path("anchoredUpTo").asLong()).isEqualTo(target - 1);
            } finally {
                ChainRewriter.rewrite(dba, target, (String) event.get("reason"));
            }
        }
        JsonNode restored = api.get("authority.li", "/api/audit/verify").json();
        assertThat(restored.path("intact").asBoolean()).as(restored.toString()).isTrue();
    }

    @Test
    void theApplicationCannotChangeOrRemoveACheckpoint() {
        long number = anchors.checkpointNow().number();
        assertThatThrownBy(() -> jdbc.update("update audit_checkpoint set merkle_root = head_hash where number = ?",
                number)).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageStartingWith("ERROR: audit_checkpoint is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> jdbc.update("delete from audit_checkpoint where number = ?", number))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageStartingWith("ERROR: audit_checkpoint is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_checkpoint"))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageStartingWith("ERROR: audit_checkpoint is append-only: TRUNCATE is not allowed");
    }

    @Test
    void theNewestCheckpointRemovedFromTheDatabaseIsMissedByTheFile() throws Exception {
        Checkpoint newest = anchors.checkpointNow();
        Eventually.within(Duration.ofSeconds(10), "the file holds checkpoint " + newest.number(),
                () -> readFile().stream().anyMatch(c -> c.number() == newest.number()));

        try (Connection dba = superuser(); Connection makers = superuser(); Statement s = dba.createStatement()) {
            holdTheMakersLock(makers);
            s.execute("set session_replication_role = replica");
            s.execute("create temporary table removed_checkpoint as select * from audit_checkpoint where number = "
                    + newest.number());
            s.execute("delete from audit_checkpoint where number = " + newest.number());
            try {
                JsonNode broken = api.get("authority.li", "/api/audit/verify").json();

                assertThat(broken.path("hashChainIntact").asBoolean()).isTrue();
                assertThat(broken.path("intact").asBoolean()).as(broken.toString()).isFalse();
                assertThat(broken.path("problem").asText()).contains("checkpoint " + newest.number()
                        + " of the checkpoint file").contains("removed");
                assertThat(broken.path("lastGoodCheckpoint").asLong()).isEqualTo(newest.number() - 1);
                assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(newest.firstSeq());
            } finally {
                s.execute("insert into audit_checkpoint select * from removed_checkpoint");
            }
        }
        JsonNode restored = api.get("authority.li", "/api/audit/verify").json();
        assertThat(restored.path("intact").asBoolean()).as(restored.toString()).isTrue();
    }

    @Test
    void theFileAndTheIndexHoldTheCheckpointsOfTheDatabase() {
        Checkpoint made = anchors.checkpointNow();

        Eventually.within(Duration.ofSeconds(10), "the file holds checkpoint " + made.number(),
                () -> readFile().stream().anyMatch(c -> c.number() == made.number()));
        List<Checkpoint> inFile = readFile();
        List<Long> numbers = inFile.stream().map(Checkpoint::number).toList();
        assertThat(numbers).as("one line per checkpoint, in order, none missing")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, numbers.size()).boxed().toList());
        for (Checkpoint line : inFile) {
            Checkpoint stored = anchors.checkpoint(line.number()).orElseThrow();
            assertThat(line.statement()).isEqualTo(stored.statement());
            assertThat(line.timestampToken()).isEqualTo(stored.timestampToken());
            assertThat(line.seal()).isEqualTo(stored.seal());
        }

        Eventually.within(Duration.ofSeconds(10), "the index holds checkpoint " + made.number(), () -> {
            try {
                return elasticsearch.exists(e -> e.index(properties.indexName()).id(Long.toString(made.number())))
                        .value();
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void checkpointsAreListedShownAndMadeOnDemandByTheAuthorityOnly() {
        Api.Response made = api.post("authority.li", "/api/audit/checkpoints", "");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long number = made.json().path("number").asLong();
        assertThat(made.json().path("statement").asText()).startsWith("{\"type\":\"govshare.audit-checkpoint\"");

        assertThat(api.get("supervisor.qian", "/api/audit/checkpoints?size=5").json().findValuesAsText("merkleRoot"))
                .contains(made.json().path("merkleRoot").asText());
        assertThat(api.get("supervisor.qian", "/api/audit/checkpoints/" + number).json().path("parts")
                .path("seal").asText()).isEqualTo("/api/audit/checkpoints/" + number + "/seal");

        assertRefusedAndAudited(api.post("gaj.zhang", "/api/audit/checkpoints", ""), 403, null, null);
        Api.Response unknown = api.get("authority.li", "/api/audit/checkpoints/999999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void opensslAloneVerifiesAnExportedCheckpoint(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(opensslIsInstalled(), "openssl is not installed: the independent check is skipped");
        long number = anchors.checkpointNow().number();
        String base = "/api/audit/checkpoints/" + number;
        Path statement = Files.write(dir.resolve("statement.json"), download(base + "/statement"));
        Files.write(dir.resolve("checkpoint.tst"), download(base + "/timestamp"));
        Files.write(dir.resolve("seal.p7s"), download(base + "/seal"));
        Files.write(dir.resolve("root.pem"), download(base + "/root"));
        Files.write(dir.resolve("certificates.pem"), download(base + "/certificates"));

        assertThat(openssl(dir, "ts", "-verify", "-data", "statement.json", "-in", "checkpoint.tst", "-token_in",
                "-CAfile", "root.pem", "-untrusted", "certificates.pem")).contains("Verification: OK");
        assertThat(openssl(dir, "cms", "-verify", "-binary", "-purpose", "any", "-inform", "DER", "-in", "seal.p7s",
                "-content", "statement.json", "-CAfile", "root.pem", "-out", "/dev/null"))
                .contains("Verification successful");

        byte[] changed = Files.readAllBytes(statement);
        changed[changed.length - 3] ^= 1;
        Files.write(dir.resolve("changed.json"), changed);
        assertThat(openssl(dir, "ts", "-verify", "-data", "changed.json", "-in", "checkpoint.tst", "-token_in",
                "-CAfile", "root.pem", "-untrusted", "certificates.pem")).doesNotContain("Verification: OK");
        assertThat(openssl(dir, "cms", "-verify", "-binary", "-purpose", "any", "-inform", "DER", "-in", "seal.p7s",
                "-content", "changed.json", "-CAfile", "root.pem", "-out", "/dev/null"))
                .doesNotContain("Verification successful");
    }

    private List<Checkpoint> readFile() {
        try {
            return file.read();
        } catch (IOException e) {
            throw new AssertionError("the checkpoint file " + file.path() + " cannot be read", e);
        }
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(api.request(path).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("supervisor.qian:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static boolean opensslIsInstalled() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs openssl in the directory; its output and errors together (openssl says "Verification ..." on either). */
    private static String openssl(Path dir, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** A database administrator's session, as only a superuser may open: it can switch the triggers off. */
    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl(), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
    }

    /** No checkpoint is made while the chain is rewritten, or it would anchor the rewrite the test undoes. */
    private static void holdTheMakersLock(Connection makers) throws SQLException {
        try (PreparedStatement lock = makers.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, CheckpointStore.MAKER_LOCK);
            lock.executeQuery().close();
        }
    }
}
