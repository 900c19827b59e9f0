package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.catalog.CatalogEntries;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.govshare.support.WebappLogin;
import org.junit.jupiter.api.Test;

/**
 * Two officials complete the same task at once, through the platform API, the engine REST API and Tasklist's
 * REST, in every pairing: one wins, the other is told 409 naming the case, and the step is done once (docs/operations.md).
 * Each pairing runs a few rounds, as the two calls land at the engine in either order or at once.
 */
class ConcurrentCompletionIT extends IntegrationTest {

    private static final int ROUNDS = 3;
    private static final String DECISION = "{\"variables\":{\"reviewDecision\":{\"value\":\"PUBLISH\",\"type\":\"String\"},"
            + "\"reviewComment\":{\"value\":\"符合要求\",\"type\":\"String\"}}}";

    /** One way of completing a submission's review, given the submission and its open task. */
    private interface Door extends Function<Review, Response> {
    }

    private record Review(String submission, String taskId) {
    }

    private final Door platformApi = r -> api.post("authority.li", "/api/catalog/submissions/" + r.submission() + "/review",
            "{\"decision\":\"PUBLISH\",\"comment\":\"符合要求\"}");
    private final Door engineRest = r -> api.post("authority.li", "/engine-rest/task/" + r.taskId() + "/complete", DECISION);

    @Test
    void theEngineRestAgainstItself() throws Exception {
        race(engineRest, engineRest);
    }

    @Test
    void thePlatformApiAgainstItself() throws Exception {
        race(platformApi, platformApi);
    }

    @Test
    void thePlatformApiAgainstTheEngineRest() throws Exception {
        race(platformApi, engineRest);
    }

    @Test
    void tasklistAgainstTheEngineRestAndThePlatformApi() throws Exception {
        WebappLogin.Browser tasklist = new WebappLogin(port).loggedIn("authority.li", "tasklist");
        Door tasklistForm = r -> tasklist.postToWebappApi(
                "/camunda/api/engine/engine/default/task/" + r.taskId() + "/submit-form", DECISION);
        race(tasklistForm, engineRest);
        race(platformApi, tasklistForm);
    }

    private void race(Door one, Door other) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = CatalogEntries.nextPublicSecurityCode();
            JsonNode submitted = CatalogEntries.submitted(api, "gaj.wang",
                    CatalogEntries.bodyForPack(CatalogEntries.residents(code)));
            String submission = submitted.path("id").asText();
            String instance = jdbc.queryForObject("select process_instance_id from catalog_submission where id = ?",
                    String.class, submission);
            String taskId = jdbc.queryForObject("select id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ ="
                    + " 'Task_ReviewEntry'", String.class, instance);
            Review review = new Review(submission, taskId);

            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (Door door : List.of(one, other)) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return door.apply(review);
                }));
            }
            List<Response> answers = calls.stream().map(CompletableFuture::join).toList();

            assertThat(answers).as("round %d: %s", round, answers)
                    .filteredOn(a -> a.status() / 100 == 2).hasSize(1);
            Response lost = answers.stream().filter(a -> a.status() / 100 != 2).findFirst().orElseThrow();
            assertThat(lost.status()).as(lost.body()).isEqualTo(409);
            assertThat(lost.contentType()).startsWith("application/problem+json");
            assertThat(lost.json().path("detail").asText()).as(lost.body())
                    .containsAnyOf(submission, instance, code).doesNotContain("Exception");
            assertThat(lost.json().path("type").asText()).isIn("urn:govshare:problem:task-already-completed",
                    // the platform API found the case already past the step before it reached the engine
                    "urn:govshare:problem:not-waiting");
            // the step is done once: one completed review, one publication, one version
            assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where proc_inst_id_ = ?"
                    + " and task_def_key_ = 'Task_ReviewEntry' and end_time_ is not null", Long.class, instance)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from catalog_version where code = ?", Long.class, code)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CATALOG_PUBLISHED'"
                    + " and object_id = ?", Long.class, code)).isEqualTo(1);
        }
    }
}
