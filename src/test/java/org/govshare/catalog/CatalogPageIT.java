package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.identity.Tier;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

/**
 * The sharing catalog's browser page: static content behind the same Basic authentication as the API it reads (its
 * script and style are open to all, see ChallengeAndStaticAssetsIT).
 */
class CatalogPageIT extends IntegrationTest {

    @Test
    void thePageNeedsAnOfficialsCredentials() {
        for (String path : new String[] {"/catalog/index.html", "/catalog/"}) {
            Response anonymous = api.get(null, path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).as(path).doesNotContain("Sharing catalog");
        }
        // an unknown login, not a real official's: a wrong password would hold a real one back for a while
        assertThat(api.getWithPassword("no.such.official", "demo", "/catalog/index.html").status()).isEqualTo(401);
    }

    @Test
    void anOfficialGetsTheHtmlPageAtItsFileAndAtItsFolder() {
        for (String path : new String[] {"/catalog/index.html", "/catalog/"}) {
            Response page = api.get("gaj.zhang", path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path)
                    .contains("政务信息资源共享目录", "Sharing catalog")
                    .contains("/catalog/catalog.js", "/catalog/catalog.css", "/shared/page.js", "/shared/catalog-terms.js");
        }
        Response folderWithoutSlash = api.send("gaj.zhang", Api.PASSWORD, api.request("/catalog").GET(), null);
        assertThat(folderWithoutSlash.status()).isEqualTo(302);
    }

    @Test
    void thePageScriptAndStyleAreServedAndTheScriptCallsTheCatalogApi() {
        Response style = api.get("mzj.liu", "/catalog/catalog.css");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");

        Response script = api.get("mzj.liu", "/catalog/catalog.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("'/api/catalog'", "'/api/departments'", "'/api/me'",
                "'/api/catalog/resources/'", "'/history?size=100'", "'/versions/'");
        // the query parameters the page sends are the ones CatalogQuery reads
        assertThat(script.body()).contains("'q', 'provider', 'kind', 'sharingType', 'updateCycle', 'tier', 'includeRetired'",
                "'page'", "'size'");
        // API text only ever reaches the DOM as text, in the page's script and in the helpers it shares with others
        assertThat(script.body()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
        Response shared = api.get("mzj.liu", "/shared/page.js");
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.body()).contains("getJson", "createTextNode", "Asia/Shanghai")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
        Response terms = api.get("mzj.liu", "/shared/catalog-terms.js");
        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.body()).contains("itemsTable")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
    }

    @Test
    void thePageLabelsEveryValueTheCatalogCanHold() {
        // the catalog's vocabulary, shared with the case pages
        String script = api.get("scj.yang", "/shared/catalog-terms.js").body();
        List<Class<? extends Enum<?>>> enums = List.of(ResourceKind.class, SharingType.class, UpdateCycle.class, Tier.class,
                SharingMethod.class, FormatCategory.class, Sensitivity.class, ConditionType.class, Submission.Kind.class,
                ItemKind.class);
        for (Class<? extends Enum<?>> type : enums) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(script).as("a label for %s.%s", type.getSimpleName(), value.name())
                        .containsPattern("\\b" + value.name() + ": \\[");
            }
        }
    }

    @Test
    void theApiAnswersEveryFilterThePageOffersWithTheShapeThePageReads() {
        Response answer = api.get("gaj.zhang", "/api/departments");
        JsonNode departments = answer.json();
        assertThat(departments.isArray()).as(answer.body()).isTrue();
        assertThat(departments.findValuesAsText("nameZh")).isNotEmpty();

        Response search = api.get("gaj.zhang", "/api/catalog?q=%E4%BA%BA%E5%8F%A3&provider=public-security&kind=PROFESSIONAL"
                + "&sharingType=CONDITIONAL&updateCycle=DAILY&tier=MUNICIPAL&includeRetired=true&page=0&size=20");
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().has("total")).isTrue();
        assertThat(search.json().path("resources").isArray()).isTrue();

        Response refused = api.get("gaj.zhang", "/api/catalog?kind=SOMETIMES");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).isNotBlank();
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");
    }
}
