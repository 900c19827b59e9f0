package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.govshare.access.GrantedRecipients;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.AuditIndex;
import org.govshare.support.Eventually;
import org.govshare.support.OwnPostgres;
import org.govshare.support.PlatformNode;
import org.govshare.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The disaster-recovery drill of docs/operations.md, whole: populate (catalog, a dataset with a version, grants, open
 * tasks with deadlines, a dispute), back up the database with the same PostgreSQL binaries the platform runs on and the
 * seal key store, destroy both, restore into a fresh server and a fresh set of search indices, start the platform, and
 * find everything as it was, with an intact audit chain that the new index catches up to.
 *
 * <p>The backup is the data directory taken with the server stopped (a cold physical backup): the embedded
 * binaries carry {@code postgres}, {@code initdb} and {@code pg_ctl} but no {@code pg_dump}, and the Debian
 * {@code pg_dump} on hand (15) refuses a 17 server. docs/operations.md gives the {@code pg_dump} procedure for a
 * deployment whose server ships its own.
 */
class BackupDrillIT {


    private PlatformNode node;
    private EmbeddedPostgres postgres;

    /** What the drill compares before the disaster and after the restore. */
    private record State(Set<String> catalog, Set<String> grants, Set<String> openTasks, Set<String> timers,
                         String dataVersions, String dispute) {
    }

    @Test
    void aBackupRestoredIntoFreshServersHoldsEverythingItHeld() throws Exception {
        Path work = Files.createTempDirectory("govshare-drill");
        Path live = work.resolve("pgdata-live");
        postgres = OwnPostgres.start(live, 0);
        PlatformNode.Cluster before = new PlatformNode.Cluster("drill_before", OwnPostgres.jdbcUrl(postgres), "postgres", "", Map.of());
        node = before.node("before").start();
        node.awaitHealthy(Duration.ofSeconds(180));

        // 1. populate
        Api api = node.api();
        GrantedRecipients recipients = GrantedRecipients.published(api);
        recipients.grant("scj.yang", List.of("scj.yang"), List.of(), List.of(), List.of());
        Response open = RequestsThroughTheSteps.ask(api, "rsj.zhou", recipients.request(List.of("rsj.zhou"), List.of()));
        assertThat(open.json().path("status").asText()).as(open.body()).isEqualTo("IN_REVIEW");
        String refused = RequestsThroughTheSteps.ask(api, "gaj.zhang", recipients.request(List.of("gaj.zhang"), List.of()))
                .json().path("id").asText();
        Response refusal = RequestsThroughTheSteps.reply(api, "mzj.chen", refused, """
                {"decision":"REFUSE","legalBasisLaw":"《社会救助暂行办法》","legalBasisArticle":"第六十六条",
                 "reasons":"the purpose does not need the recipients' addresses"}""");
        assertThat(refusal.json().path("status").asText()).as(refusal.body()).isEqualTo("REFUSED");
        Response dispute = api.post("gaj.zhang", "/api/disputes", """
                {"requestId":"%s","grounds":"核查必须比对地址 the address is needed"}""".formatted(refused));
        assertThat(dispute.status()).as(dispute.body()).isEqualTo(201);
        assertThat(api.post("scj.yang", "/api/role-requests",
                "{\"requestedRole\":\"PROVIDER_REVIEWER\",\"reason\":\"I answer requests for market data\"}").status())
                .isEqualTo(201);
        State held = state(api, recipients, dispute.json().path("id").asText(), OwnPostgres.jdbc(postgres));

        // 2. back up: the database's files with the server stopped, and the seal key store
        node.close();
        Set<String> eventsHeld = new HashSet<>(OwnPostgres.jdbc(postgres).queryForList("select id from audit_event", String.class));
        postgres.close();
        Path backup = work.resolve("backup");
        copy(live, backup.resolve("pgdata"));
        // made on first use: a drill before any seal finds none yet
        if (Files.exists(before.keyStore())) {
            Files.copy(before.keyStore(), backup.resolve("seals.p12"));
            Files.delete(before.keyStore());
        }

        // 3. destroy
        TestInfrastructure.deleteRecursively(live);

        // 4. restore into a fresh server and fresh search indices; the new indices fill from the database
        //    (docs/operations.md: re-indexing is resetting the cursor)
        Path restoredData = work.resolve("pgdata-restored");
        copy(backup.resolve("pgdata"), restoredData);
        postgres = OwnPostgres.start(restoredData, 0);
        OwnPostgres.jdbc(postgres).update("update audit_index_cursor set last_indexed_seq = 0 where id = 1");
        PlatformNode.Cluster after = new PlatformNode.Cluster("drill_after", OwnPostgres.jdbcUrl(postgres), "postgres", "", Map.of());
        if (Files.exists(backup.resolve("seals.p12"))) {
            Files.copy(backup.resolve("seals.p12"), after.keyStore(), StandardCopyOption.REPLACE_EXISTING);
        }

        // 5. start, and find everything as it was
        node = after.node("after").start();
        node.awaitHealthy(Duration.ofSeconds(180));
        State restored = state(node.api(), recipients, dispute.json().path("id").asText(), OwnPostgres.jdbc(postgres));
        assertThat(restored).isEqualTo(held);
        JsonNode verified = node.api().get("authority.li", "/api/audit/verify").json();
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        Set<String> events = new HashSet<>(OwnPostgres.jdbc(postgres).queryForList("select id from audit_event", String.class));
        assertThat(events).as("every audit event of the backup, in a chain that verifies").containsAll(eventsHeld);
        Eventually.within(Duration.ofSeconds(120), "the fresh index holds every restored event",
                () -> AuditIndex.ids(after.auditIndex()).containsAll(events));
    }

    private static State state(Api api, GrantedRecipients recipients, String dispute, JdbcTemplate jdbc) {
        Set<String> catalog = new HashSet<>(api.get("authority.li", "/api/catalog?size=100").json().findValuesAsText("code"));
        Set<String> grants = new HashSet<>(jdbc.queryForList("select id || ' ' || status || ' ' || valid_until from sharing_grant",
                String.class));
        Set<String> openTasks = new HashSet<>(jdbc.queryForList("select task_def_key_ || ' ' || coalesce(due_date_::text, '-')"
                + " || ' ' || proc_inst_id_ from act_ru_task", String.class));
        Set<String> timers = new HashSet<>(jdbc.queryForList("select handler_type_ || ' ' || duedate_ || ' ' ||"
                + " coalesce(process_instance_id_, '-') from act_ru_job where handler_type_ like 'timer%'", String.class));
        String versions = api.get("mzj.chen", recipients.path() + "/versions").json().findValuesAsText("version").toString();
        String disputeNow = api.get("authority.li", "/api/disputes/" + dispute).json().path("status").asText();
        assertThat(catalog).contains(recipients.code());
        assertThat(openTasks).as("the role request, the provider's review of a request with its due date, the dispute's"
                + " statements").anyMatch(t -> t.startsWith("Task_ReviewRoleRequest")).anyMatch(t -> t.startsWith("Task_ReviewRequest 2"))
                .anyMatch(t -> t.startsWith("Task_ProviderStatement"));
        return new State(catalog, grants, openTasks, timers, versions, disputeNow);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    // with its mode: PostgreSQL refuses a data directory others may read
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                } else if (!file.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
