package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The audit search page: static content for the sharing authority and supervisors only, behind the same Basic
 * authentication and role rule as the audit API it reads (its script and style are open to all: nothing secret).
 */
class AuditPageIT extends IntegrationTest {

    private static final String[] PAGE_PATHS = {"/audit/", "/audit/index.html"};

    @Test
    void theAuthorityAndSupervisorsGetTheChinesePageWithItsControls() {
        for (String login : new String[] {"authority.li", "supervisor.qian"}) {
            for (String path : PAGE_PATHS) {
                Response page = api.get(login, path);
                assertThat(page.status()).as(login + " " + path).isEqualTo(200);
                assertThat(page.contentType()).as(path).startsWith("text/html");
                assertThat(page.body()).as(path)
                        .contains("lang=\"zh-CN\"", "审计日志查询", "Audit trail", "哈希链校验", "校验审计链")
                        .contains("/audit/audit.js", "/audit/audit.css", "/shared/base.css", "/shared/list-page.js")
                        // the search form: one field for each of AuditQuery's criteria, the pager, the verify button
                        .contains("id=\"search\"", "id=\"f-q\"", "id=\"f-actor\"", "id=\"f-department\"",
                                "id=\"f-action\"", "id=\"f-objectType\"", "id=\"f-objectId\"", "id=\"f-outcome\"",
                                "id=\"f-from\"", "id=\"f-to\"", "id=\"prev\"", "id=\"next\"", "id=\"verify\"",
                                "id=\"verify-result\"", "id=\"rows\"");
            }
        }
        Response folderWithoutSlash = api.send("authority.li", Api.PASSWORD, api.request("/audit").GET(), null);
        assertThat(folderWithoutSlash.status()).isEqualTo(302);
    }

    @Test
    void anOfficialWithoutTheRolesIsRefused() {
        for (String path : PAGE_PATHS) {
            Response refused = api.get("gaj.zhang", path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).doesNotContain("审计日志查询");
            assertThat(refused.json().path("detail").asText()).as(path).contains("your roles do not allow");
        }
        assertThat(api.send("gaj.zhang", Api.PASSWORD, api.request("/audit").GET(), null).status()).isEqualTo(403);
        Response inABrowser = api.send("gaj.zhang", Api.PASSWORD,
                api.request("/audit/").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET(), null);
        assertThat(inABrowser.status()).isEqualTo(403);
        assertThat(inABrowser.contentType()).as("a page for a browser, not a JSON document").startsWith("text/html");
        assertThat(inABrowser.body()).contains("您的角色无权打开此页面", "access-denied", "your roles do not allow")
                .doesNotContain("审计日志查询").doesNotContain("Exception");
        assertThat(api.get("gaj.zhang", "/api/audit").status()).isEqualTo(403);
    }

    @Test
    void anAnonymousCallerIsAskedToLogIn() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : PAGE_PATHS) {
            HttpResponse<String> anonymous = http.send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"GovShare\"");
            assertThat(anonymous.body()).as(path).doesNotContain("审计日志查询");
        }
    }

    @Test
    void theScriptAndStyleAreServedAndTheScriptCallsTheAuditApi() {
        Response style = api.get("supervisor.qian", "/audit/audit.css");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
        // the shared look the page links besides its own
        assertThat(api.get("supervisor.qian", "/catalog/catalog.css").status()).isEqualTo(200);

        Response script = api.get("authority.li", "/audit/audit.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("'/api/audit'", "'/api/audit/verify'", "'/api/me'", "'/api/departments'",
                "Asia/Shanghai");
        // the query parameters the page sends are the ones AuditQuery reads
        assertThat(script.body()).contains(
                "'q', 'actor', 'department', 'action', 'objectType', 'objectId', 'outcome', 'from', 'to'", "'page'", "'size'");
        // what the answers hold, as the page reads them
        assertThat(script.body()).contains("eventsChecked", "firstBrokenSeq", "problem", "intact", "details", "hash");
        // API text only ever reaches the DOM as text
        assertThat(script.body()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
    }

    @Test
    void theScriptLabelsEveryActionAndOutcome() {
        String script = api.get("authority.li", "/audit/audit.js").body();
        for (Enum<?> value : AuditAction.values()) {
            assertThat(script).as("a label for AuditAction.%s", value.name()).containsPattern("\\b" + value.name() + ": \\[");
        }
        for (Enum<?> value : Outcome.values()) {
            assertThat(script).as("a label for Outcome.%s", value.name()).containsPattern("\\b" + value.name() + ": \\[");
        }
    }

    @Test
    void theApiTakesEveryCriterionThePageSendsWithTheShapeThePageReads() {
        Response search = api.get("supervisor.qian", "/api/audit?q=catalog&actor=gaj.zhang&department=public-security"
                + "&action=CATALOG_SUBMITTED&objectType=catalog-submission&objectId=x&outcome=OK"
                + "&from=2026-01-01T00:00:00.000Z&to=2099-01-01T00:00:00.000Z&page=0&size=50");
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().has("total")).isTrue();
        assertThat(search.json().path("events").isArray()).isTrue();

        Response verify = api.get("authority.li", "/api/audit/verify");
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().has("intact")).isTrue();
        assertThat(verify.json().has("eventsChecked")).isTrue();
    }
}
