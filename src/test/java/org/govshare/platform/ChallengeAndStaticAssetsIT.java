package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * What a browser does before it logs in records nothing: its first, credential-less request is the Basic challenge,
 * not a refusal, and the pages' scripts, styles and images need no login at all. A wrong password still counts.
 */
class ChallengeAndStaticAssetsIT extends IntegrationTest {

    @Test
    void theFirstRequestWithoutCredentialsIsAskedToLogInAndRecordsNothing() {
        for (String path : new String[] {"/api/me", "/catalog/index.html", "/audit/", "/cases/index.html", "/engine-rest/task"}) {
            Response challenge = api.get(null, path);
            assertThat(challenge.status()).as(path).isEqualTo(401);
            assertThat(challenge.contentType()).as(path).startsWith("application/problem+json");
            assertThat(challenge.json().path("type").asText()).isEqualTo("urn:govshare:problem:credentials-required");
            assertThat(auditEventsOf(challenge.correlationId())).as(path).isEmpty();
        }
    }

    @Test
    void theStaticAssetsOfThePagesNeedNoLoginAndRecordNothing() {
        for (String path : new String[] {"/shared/page.js", "/shared/list-page.js", "/shared/base.css",
                "/shared/catalog-terms.js", "/catalog/catalog.js",
                "/catalog/catalog.css", "/audit/audit.js", "/audit/audit.css", "/cases/cases.js", "/cases/cases.css"}) {
            Response asset = api.get(null, path);
            assertThat(asset.status()).as(path).isEqualTo(200);
            assertThat(asset.contentType()).as(path).containsAnyOf("javascript", "text/css");
            assertThat(auditEventsOf(asset.correlationId())).as(path).isEmpty();
        }
        assertThat(api.get(null, "/shared/no-such-file.js").status()).as("open, and still only what is there").isEqualTo(404);
    }

    @Test
    void aWrongPasswordIsStillRecorded() {
        // an unknown login, not a real official's: a wrong password would hold a real one back for a while
        Response wrong = api.getWithPassword("no.such.official", "not-the-password", "/api/me");

        assertRefusedAndAudited(wrong, 401, null, null);
        assertThat(auditEventsOf(wrong.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "LOGIN_FAILED").containsEntry("actor", "no.such.official"));
    }

    @Test
    void aRefusalOfAnAuthenticatedCallerIsStillRecorded() {
        Response refused = api.get("gaj.zhang", "/api/audit");

        assertRefusedAndAudited(refused, 403, null, null);
        assertThat(auditEventsOf(refused.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "ACCESS_DENIED").containsEntry("actor", "gaj.zhang"));
    }
}
