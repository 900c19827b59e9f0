package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.rules.TestPacks;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The sharing catalog over HTTP, on PostgreSQL: publishing, searching, history, refusals, sharing needs. */
class CatalogIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static ObjectNode entry(String code) {
        return CatalogEntries.bodyForPack(CatalogEntries.residents(code));
    }

    private String publish(ObjectNode entry) {
        return CatalogEntries.publish(api, "gaj.wang", entry);
    }

    private long submissions() {
        return jdbc.queryForObject("select count(*) from catalog_submission", Long.class);
    }

    @Test
    void aPublishedEntryIsFoundByEveryOfficialWithItsArticle16Fields() {
        String code = "101001/101901";
        ObjectNode entry = entry(code);
        entry.put("name", "流动人口居住登记");
        entry.put("updateCycle", "WEEKLY");
        publish(entry);

        for (String query : new String[] {"q=%E6%B5%81%E5%8A%A8%E4%BA%BA%E5%8F%A3", "provider=public-security&updateCycle=WEEKLY",
                "kind=PROFESSIONAL&sharingType=CONDITIONAL&tier=MUNICIPAL&q=101901"}) {
            JsonNode page = api.get("jsq.xu", "/api/catalog?" + query).json();
            assertThat(page.path("resources").findValuesAsText("code")).as(query).contains(code);
        }
        assertThat(api.get("jsq.xu", "/api/catalog?updateCycle=YEARLY&q=101901").json().path("total").asLong()).isZero();

        JsonNode resource = api.get("mzj.liu", "/api/catalog/resources/101001/101901").json();
        JsonNode shown = resource.path("entry");
        assertThat(shown.path("name").asText()).isEqualTo("流动人口居住登记");
        assertThat(shown.path("format").path("category").asText()).isEqualTo("STRUCTURED_TABLE");
        assertThat(shown.path("sharingMethod").asText()).isEqualTo("PROVIDER_SERVICE");
        assertThat(shown.path("sharingConditions").asText()).isNotBlank();
        assertThat(shown.path("providerDepartment").asText()).isEqualTo("public-security");
        assertThat(shown.path("regionCode").asText()).isEqualTo("410100");
        assertThat(shown.path("publishDate").asText()).isNotBlank();
    }

    /**
     * Search goes through an index of the text's characters and pairs of characters (V37): a word is still found
     * anywhere inside a longer name, at one character too, and a text holding every pair of a word but not the word
     * itself is not a match.
     */
    @Test
    void aWordIsFoundInsideALongerNameAndOnlyWhereItIs() {
        String code = "101001/101903";
        ObjectNode entry = entry(code);
        entry.put("name", "境外人员临时住宿登记");
        publish(entry);

        for (String word : new String[] {"人员临时", "住宿", "宿", "境外人员临时住宿登记", "101903", "人员 住宿"}) {
            assertThat(codes(word)).as(word).contains(code);
        }
        // 人员 and 员临 and 临住 are all in the name, but 人员临住 is not
        for (String word : new String[] {"人员临住", "住宿临时", "宿境", "\"", "住宿登记表"}) {
            assertThat(codes(word)).as(word).doesNotContain(code);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private CatalogStore store;

    /**
     * Past {@code counted-up-to} a search with words stops counting and finds its page by walking the codes in order.
     * Whatever the count's end, a query's page is the same, and its total is exact exactly when it has no words or
     * its matches are no more than the end. A property over queries drawn from the catalog's own words, filters, pages and sizes.
     */
    @Test
    void aSearchGivesTheSamePageWhereverItsCountStops() {
        String[] names = {"常住人口登记", "流动人口居住登记", "人口死亡登记", "出生医学证明"};
        for (int i = 0; i < names.length; i++) {
            ObjectNode entry = entry("101001/10191" + i);
            entry.put("name", names[i]);
            publish(entry);
        }
        assertThat(api.get("jsq.xu", "/api/catalog?q=%E4%BA%BA%E5%8F%A3").json().path("totalExact").asBoolean())
                .as("a count that did not stop").isTrue();
        String[] words = {null, "人口", "人", "登记", "人口登记", "口死", "常住人口登记", "1019", "101001/10191", "证明",
                "居住 登记", "人口 登记", "zz-no-such"};
        String[] providers = {null, "public-security", "health"};
        java.util.Random random = new java.util.Random(20261204L);
        for (int run = 0; run < 200; run++) {
            CatalogQuery query = new CatalogQuery(words[random.nextInt(words.length)],
                    providers[random.nextInt(providers.length)], null, null, null, null, random.nextBoolean(),
                    random.nextInt(4), 1 + random.nextInt(3));
            CatalogPage whole = store.search(query, 1_000_000);
            assertThat(whole.totalExact()).as("%s", query).isTrue();
            for (int countedUpTo : new int[] {1, 2, 3, 5}) {
                CatalogPage stopped = store.search(query, countedUpTo);
                assertThat(stopped.resources().stream().map(CatalogListing::code))
                        .as("%s counted up to %d", query, countedUpTo)
                        .containsExactlyElementsOf(whole.resources().stream().map(CatalogListing::code).toList());
                // filters alone are always counted in full
                boolean counted = query.q() == null || whole.total() <= countedUpTo;
                assertThat(stopped.totalExact()).as("%s counted up to %d", query, countedUpTo).isEqualTo(counted);
                assertThat(stopped.total()).as("%s counted up to %d", query, countedUpTo)
                        .isEqualTo(counted ? whole.total() : countedUpTo);
            }
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private Catalog catalog;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * Published versions are kept by the node once read, but only once the transaction that read them commits: a
     * version written and read in a transaction that rolls back may be published again with other content.
     */
    @Test
    void aVersionReadInATransactionThatRollsBackIsNotKept() {
        String code = "101001/101914";
        publish(entry(code));
        String submission = jdbc.queryForObject("select submission_id from catalog_version where code = ? and version = 1",
                String.class, code);
        String insert = "insert into catalog_version (code, version, change_kind, content, published_at, approved_by,"
                + " submission_id) select code, 2, change_kind, jsonb_set(content::jsonb, '{summary}', to_jsonb(?::text))::text,"
                + " published_at, approved_by, ? from catalog_version where code = ? and version = 1";
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        template.executeWithoutResult(tx -> {
            jdbc.update(insert, "rolled back", submission, code);
            assertThat(catalog.version(code, 2).content().summary()).isEqualTo("rolled back");
            tx.setRollbackOnly();
        });
        jdbc.update(insert, "committed", submission, code);
        assertThat(catalog.version(code, 2).content().summary()).isEqualTo("committed");
        jdbc.update("delete from catalog_version where code = ? and version = 2", code);
    }

    private List<String> codes(String q) {
        return api.get("jsq.xu", "/api/catalog?size=100&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                .json().path("resources").findValuesAsText("code");
    }

    @Test
    void aChangeMakesVersionTwoAndTheHistoryKeepsVersionOne() {
        String code = "101001/101902";
        publish(entry(code));
        ObjectNode changed = entry(code);
        changed.put("summary", "now with the date of registration");
        String changeId = publish(changed);

        JsonNode history = api.get("scj.yang", "/api/catalog/resources/101001/101902/history").json();
        assertThat(history.findValuesAsText("changeKind")).as("newest first").containsExactly("CHANGE", "NEW");
        assertThat(history.get(0).path("submissionId").asText()).isEqualTo(changeId);
        assertThat(history.get(0).path("approvedBy").asText()).isEqualTo("authority.li");
        assertThat(api.get("scj.yang", "/api/catalog/resources/101001/101902/history?page=1&size=1").json()
                .findValuesAsText("version")).containsExactly("1");
        assertThat(api.get("scj.yang", "/api/catalog/resources/101001/101902/history?page=2&size=1").json())
                .as("past the last version: an empty page, not a 404").isEmpty();
        assertThat(api.get("scj.yang", "/api/catalog/resources/101001/101902/versions/1").json().path("content")
                .path("summary").asText()).isEqualTo(CatalogEntries.residents(code).summary());
        auditChainer.chainPending();
        assertThat(jdbc.queryForList("select action from audit_event where object_id = ? order by seq", String.class, code))
                .containsExactly("CATALOG_PUBLISHED", "CATALOG_PUBLISHED");
    }

    @Test
    void missingFieldsAreEachNamedAndNothingIsStored() {
        long before = submissions();
        ObjectNode entry = entry("101001/101903");
        entry.remove("name");
        entry.remove("statutoryDuty");
        ((ObjectNode) entry.path("items").get(1)).remove("sensitivity");

        Response refused = api.post("gaj.wang", "/api/catalog/submissions", entry.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "statutoryDuty", "items[1].sensitivity");
        assertThat(refused.json().path("errors").findValuesAsText("rule")).containsOnly("required");
        assertThat(submissions()).isEqualTo(before);
        assertThat(auditEventsOf(refused.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "INPUT_REJECTED").containsEntry("actor", "gaj.wang"));
    }

    @Test
    void anUnknownSharingTypeListsTheKnownOnes() {
        ObjectNode entry = entry("101001/101904");
        entry.put("sharingType", "SOMETIMES");

        Response refused = api.post("gaj.wang", "/api/catalog/submissions", entry.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("sharingType");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("UNCONDITIONAL", "NON_SHARING");
    }

    @Test
    void aRuleOfTheRegulationRefusesWithItsNameAndArticle() {
        long before = submissions();
        ObjectNode entry = entry("101001/101905");
        entry.put("sharingType", "NON_SHARING");

        Response refused = api.post("gaj.wang", "/api/catalog/submissions", entry.toString());

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("legalBasis");
        assertThat(error.path("rule").asText()).isEqualTo(TestPacks.cited("catalog", "A non-sharing resource cites the law that forbids sharing"));
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:govshare:problem:a-non-sharing-resource-cites-the-law-that-forbids-sharing");
        assertThat(submissions()).isEqualTo(before);

        entry.set("legalBasis", JSON.createObjectNode().put("law", "《中华人民共和国居民身份证法》").put("article", "第十九条"));
        assertThat(api.post("gaj.wang", "/api/catalog/submissions", entry.toString()).status()).isEqualTo(201);
    }

    @Test
    void aCodeOutsideTheDepartmentsRangeOrInReviewAlreadyIsRefused() {
        Response outside = api.post("gaj.wang", "/api/catalog/submissions", entry("101001/102906").toString());
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("errors").get(0).path("rule").asText()).isEqualTo("code-in-department-range");

        assertThat(api.post("gaj.wang", "/api/catalog/submissions", entry("101001/101907").toString()).status()).isEqualTo(201);
        Response twice = api.post("gaj.wang", "/api/catalog/submissions", entry("101001/101907").toString());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("errors").get(0).path("rule").asText()).isEqualTo("one-open-submission");
        assertThat(auditEventsOf(twice.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "INPUT_REJECTED"));
    }

    @Test
    void anotherDepartmentsEntryCannotBeChanged() {
        long before = submissions();
        Response foreign = api.post("mzj.chen", "/api/catalog/submissions", entry("101001/101908").toString());

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(submissions()).isEqualTo(before);
        assertThat(api.post("gaj.zhang", "/api/catalog/submissions", entry("101001/101908").toString()).status())
                .as("an APPLICANT does not keep the catalog").isEqualTo(403);
    }

    @Test
    void needsAreMatchedToTheCatalogAndUnmetOnesListedForTheAuthority() {
        publish(entry("101001/101909"));

        Response need = api.post("rsj.zhou", "/api/needs", """
                {"description":"核验参保人身份","wantedItems":["公民身份号码","参保缴费记录"],
                 "purpose":"社会保险登记核验","legalDuty":"《社会保险法》第五十七条"}""");

        assertThat(need.status()).as(need.body()).isEqualTo(201);
        assertThat(need.json().path("matchingCodes").findValuesAsText("")).isEmpty();
        assertThat(need.json().path("matchingCodes").toString()).contains("101001/101909");
        assertThat(need.json().path("unmetItems").toString()).contains("参保缴费记录").doesNotContain("公民身份号码");
        assertThat(api.get("authority.li", "/api/needs/unmet").json().findValuesAsText("description")).contains("核验参保人身份");
        String newestUnmet = api.get("authority.li", "/api/needs/unmet?size=1").json().get(0).path("need").path("id").asText();
        assertThat(newestUnmet).as("newest first").isEqualTo(need.json().path("need").path("id").asText());
        assertThat(api.get("authority.li", "/api/needs/unmet?page=1&size=1").json().findValuesAsText("id"))
                .hasSizeLessThanOrEqualTo(1).doesNotContain(newestUnmet);
        assertThat(api.get("rsj.zhou", "/api/needs?size=1").json().get(0).path("need").path("id").asText())
                .isEqualTo(newestUnmet);
        assertThat(api.get("gaj.zhang", "/api/needs?department=human-resources").status()).isEqualTo(403);
        assertThat(api.get("gaj.zhang", "/api/needs/unmet").status()).isEqualTo(403);
    }

    @Test
    void onlyRuleAuthorsReloadTheRulesAndAReloadIsAudited() {
        assertThat(api.post("gaj.zhang", "/api/rules/reload", "").status()).isEqualTo(403);

        Response reload = api.post("rules.sun", "/api/rules/reload", "");

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        int catalogRules = TestPacks.rules("catalog");
        assertThat(reload.json().path("decisions").path("catalog").asInt()).isEqualTo(catalogRules);
        assertThat(auditEventsOf(reload.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "RULES_RELOADED").containsEntry("actor", "rules.sun"));
        assertThat(api.get("gaj.zhang", "/api/rules").json().path("decisions").path("catalog").asInt()).isEqualTo(catalogRules);
    }
}
