package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.govshare.support.WebappLogin;
import org.govshare.support.WebappLogin.Browser;
import org.junit.jupiter.api.Test;

/**
 * An official logged in to Tasklist reads the platform's pages and read API in the same browser, as themselves;
 * the session never writes, never reads shared data, and ends with the Tasklist logout.
 */
class WebappSessionIT extends IntegrationTest {

    @Test
    void theTasklistSessionReadsPagesAndTheApiAsThatOfficial() {
        Browser browser = new WebappLogin(port).loggedIn("gaj.zhang", "tasklist");

        Response me = browser.get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("login").asText()).isEqualTo("gaj.zhang");
        assertThat(browser.head("/api/me").status()).isEqualTo(200);

        Response page = browser.get("/catalog/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(browser.get("/shared/page.js").status()).isEqualTo(200);
    }

    @Test
    void readingLeavesTheTasklistSessionAsItWas() {
        Browser browser = new WebappLogin(port).loggedIn("gaj.wang", "tasklist");
        String session = browser.sessionId();

        // a page's calls go out in parallel with the same cookie: each must find the session
        List<Response> reads = Stream.of("/api/me", "/api/departments", "/cases/cases.js", "/api/catalog")
                .parallel().map(browser::get).toList();

        assertThat(reads).extracting(Response::status).containsOnly(200);
        assertThat(browser.sessionId()).as("the session keeps its id: Tasklist goes on with it").isEqualTo(session);
        // Basic credentials decide alone, and leave the session as it was too
        assertThat(browser.getWithBasic("mzj.liu", "/api/me").json().path("login").asText()).isEqualTo("mzj.liu");
        assertThat(browser.sessionId()).isEqualTo(session);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
    }

    @Test
    void theSessionCarriesTheOfficialsRolesAndRefusalsAreAuditedUnderThem() {
        Browser browser = new WebappLogin(port).loggedIn("gaj.zhang", "tasklist");

        Response refused = browser.get("/api/audit");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(auditEventsOf(refused.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "ACCESS_DENIED").containsEntry("actor", "gaj.zhang")
                .containsEntry("actor_department", "public-security"));

        Browser authority = new WebappLogin(port).loggedIn("authority.li", "tasklist");
        assertThat(authority.get("/audit/").status()).isEqualTo(200);
        assertThat(authority.get("/api/audit?size=1").status()).isEqualTo(200);
    }

    @Test
    void theSessionNeverWritesNorReadsSharedData() {
        Browser browser = new WebappLogin(port).loggedIn("mzj.liu", "tasklist");

        Response write = browser.postJson("/api/role-requests",
                "{\"requestedRole\":\"PROVIDER_REVIEWER\",\"reason\":\"a forged request from another site\"}");
        assertRefusedAndAudited(write, 401, null, null);
        assertThat(auditEventsOf(write.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "AUTHENTICATION_REQUIRED").containsEntry("actor", "mzj.liu"));

        assertThat(browser.get("/api/data/203001/102001").status()).isEqualTo(401);
        assertThat(browser.get("/api/data/203001/102001/versions").status()).isEqualTo(401);
    }

    @Test
    void afterTheLogoutTheSessionIsNobodys() {
        Browser browser = new WebappLogin(port).loggedIn("scj.yang", "tasklist");
        assertThat(browser.get("/api/me").status()).isEqualTo(200);

        assertThat(browser.logOut()).isBetween(200, 204);

        assertThat(browser.get("/api/me").status()).isEqualTo(401);
        assertThat(browser.get("/catalog/").status()).isEqualTo(401);
    }

    @Test
    void aSessionWhoseUserIsGoneIsNobodys() {
        String login = "gone." + Long.toString(System.nanoTime(), 36);
        assertThat(api.post("admin", "/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"临","lastName":"时"},"credentials":{"password":"demo"}}""".formatted(login))
                .status()).isEqualTo(204);
        // every user may log in to the welcome page; the session then holds them whichever webapp it was
        Browser browser = new WebappLogin(port).loggedIn(login, "welcome");
        assertThat(browser.get("/api/me").json().path("login").asText()).isEqualTo(login);

        assertThat(api.send("admin", "demo", api.request("/engine-rest/user/" + login).DELETE(), null).status())
                .isEqualTo(204);

        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void withoutASessionNothingChanges() {
        assertThat(api.get(null, "/api/me").status()).isEqualTo(401);
        assertThat(api.get("rsj.zhou", "/api/me").json().path("login").asText()).isEqualTo("rsj.zhou");
    }
}
