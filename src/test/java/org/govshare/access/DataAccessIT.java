package org.govshare.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.seal.InvalidReason;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRecord;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.Sealing;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.IntegrationTest;
import org.govshare.support.Poppler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data through the platform on PostgreSQL and Elasticsearch: a provider pushes a dataset, a consumer is granted it
 * through a sharing request and reads it masked; every check that can refuse a read refuses it, with its rule.
 */
class DataAccessIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PURPOSE = GrantedRecipients.PURPOSE;
    private static final List<String> GRANTED = GrantedRecipients.GRANTED;

    @Autowired
    private Sealing sealing;

    private GrantedRecipients recipients;
    private String code;
    private String path;

    @BeforeEach
    void publishPushAndGrant() {
        recipients = GrantedRecipients.published(api);
        code = recipients.code();
        path = recipients.path();
    }

    /** gaj.zhang of Public Security asks; Civil Affairs approves, unmasking what it is told to. */
    private String grant(String applicant, List<String> users, List<String> systems, List<String> unmask) {
        return grant(applicant, users, systems, unmask, List.of());
    }

    /** As above, naming verification keys too: masked items the consumer may match exactly. */
    private String grant(String applicant, List<String> users, List<String> systems, List<String> unmask,
                         List<String> verificationKeys) {
        return recipients.grant(applicant, users, systems, unmask, verificationKeys);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response read(String login, String query) {
        return api.get(login, path + "?purpose=" + q(PURPOSE) + query);
    }

    private void assertRefused(Response response, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("errors").findValuesAsText("rule")).as(response.body()).containsExactly(rule);
        assertThat(auditEventsOf(response.correlationId())).extracting(e -> e.get("action")).containsExactly("ACCESS_DENIED");
    }

    @Test
    void aConsumerReadsMaskedRecordsWithTheirVersionAndTheReadIsAuditedWithoutTheData() {
        String grant = grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());

        Response response = read("gaj.zhang", "&size=10");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.path("grant").asText()).isEqualTo(grant);
        assertThat(answer.path("dataVersion").asInt()).isEqualTo(1);
        assertThat(answer.path("dataAsOf").asText()).isNotBlank();
        assertThat(answer.path("total").asLong()).isEqualTo(3);
        assertThat(answer.path("items").findValuesAsText("")).isEmpty();
        assertThat(answer.path("masked").toString()).contains("公民身份号码", "姓名", "手机号码", "居住地址").doesNotContain("救助金额");
        // the key is masked, so records come ordered as shown: 4101**********1234 (张伟), …2345 (欧阳娜娜), …3456 (李强)
        JsonNode first = answer.path("records").get(0);
        assertThat(first.path("公民身份号码").asText()).isEqualTo("4101**********1234");
        assertThat(first.path("姓名").asText()).isEqualTo("张*");
        assertThat(first.path("手机号码").asText()).isEqualTo("138****5678");
        assertThat(first.path("居住地址").asText()).isEqualTo("河南省郑州市金水区***");
        assertThat(first.path("救助金额").asDouble()).isEqualTo(860.5);
        assertThat(first.has("认定日期")).as("not granted").isFalse();
        assertThat(first.has("核查批次")).as("a state secret never leaves").isFalse();
        assertThat(answer.path("records").get(1).path("姓名").asText()).isEqualTo("欧阳**");

        List<Map<String, Object>> events = auditEventsOf(response.correlationId());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "DATA_ACCESSED").containsEntry("actor", "gaj.zhang");
            assertThat((String) e.get("details")).contains(grant, "\"records\":3", "\"dataVersion\":1")
                    .doesNotContain("410105199001011234").doesNotContain("张伟").doesNotContain("13812345678");
        });
    }

    @Test
    void filtersByAVerificationKeyAndByRangeAndPages() {
        grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of(), List.of("公民身份号码"));

        JsonNode byKey = read("gaj.zhang", "&" + q("公民身份号码") + "=410102198505052345").json();
        assertThat(byKey.path("records")).hasSize(1);
        assertThat(byKey.path("records").get(0).path("姓名").asText()).isEqualTo("欧阳**");
        assertThat(byKey.path("records").get(0).path("公民身份号码").asText()).as("still masked").isEqualTo("4101**********2345");
        JsonNode byRange = read("gaj.zhang", "&" + q("救助金额.from") + "=800&" + q("救助金额.to") + "=1000").json();
        assertThat(byRange.path("total").asLong()).as(byRange.toString()).isEqualTo(2);
        JsonNode sorted = read("gaj.zhang", "&sort=-" + q("救助金额")).json();
        assertThat(sorted.path("records").findValuesAsText("救助金额")).as(sorted.toString())
                .containsExactly("910", "860.5", "720");
        JsonNode paged = read("gaj.zhang", "&size=2&page=1").json();
        assertThat(paged.path("records")).hasSize(1);
        assertThat(read("gaj.zhang", "&size=1000").status()).isEqualTo(400);
    }

    @Test
    void theOrderOfAMaskedKeyIsKeptForTheNextPagesAndANewPushIsReadAtOnce() {
        grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());
        List<String> firstPages = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            firstPages.addAll(read("gaj.zhang", "&size=1&page=" + page).json().path("records").findValuesAsText("姓名"));
        }
        assertThat(firstPages).containsExactly("张*", "欧阳**", "李*");
        assertThat(read("gaj.zhang", "&size=2&page=0").json().path("records").findValuesAsText("姓名"))
                .as("another page size, the same order").containsExactly("张*", "欧阳**");

        Response pushed = api.post("mzj.chen", path + "/records?mode=UPSERT", """
                [{"公民身份号码":"410101196001010001","姓名":"王芳","手机号码":"13600002222","居住地址":"河南省郑州市中原区建设路",
                  "救助金额":500,"认定日期":"2026-07-01","核查批次":"X-4"}]""");
        assertThat(pushed.status()).as(pushed.body()).isBetween(200, 201);

        JsonNode after = read("gaj.zhang", "&size=1&page=0").json();
        assertThat(after.path("dataVersion").asInt()).isEqualTo(2);
        assertThat(after.path("total").asLong()).isEqualTo(4);
        assertThat(after.path("records").findValuesAsText("姓名")).as("…0001 comes first now").containsExactly("王*");
        assertThat(read("gaj.zhang", "&size=1&page=3").json().path("records").findValuesAsText("姓名")).containsExactly("李*");
    }

    @Test
    void aReadDuringPushesSeesOneVersionWhole() throws Exception {
        grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());
        // odd versions hold the three recipients, even ones four records of amount 1
        String four = """
                [{"公民身份号码":"410101196001010001","姓名":"王芳","手机号码":"13600002222","居住地址":"河南省郑州市中原区",
                  "救助金额":1,"认定日期":"2026-07-01","核查批次":"Y-1"},
                 {"公民身份号码":"410101196001010002","姓名":"赵敏","手机号码":"13600002223","居住地址":"河南省郑州市中原区",
                  "救助金额":1,"认定日期":"2026-07-01","核查批次":"Y-2"},
                 {"公民身份号码":"410101196001010003","姓名":"钱进","手机号码":"13600002224","居住地址":"河南省郑州市中原区",
                  "救助金额":1,"认定日期":"2026-07-01","核查批次":"Y-3"},
                 {"公民身份号码":"410101196001010004","姓名":"孙丽","手机号码":"13600002225","居住地址":"河南省郑州市中原区",
                  "救助金额":1,"认定日期":"2026-07-01","核查批次":"Y-4"}]""";
        String three = GrantedRecipients.RECORDS;
        java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger pushes = new java.util.concurrent.atomic.AtomicInteger();
        Thread pusher = new Thread(() -> {
            for (int n = 0; reading.get() && n < 200; n++) {
                api.post("mzj.chen", path + "/records?mode=REPLACE", n % 2 == 0 ? four : three);
                pushes.incrementAndGet();
            }
        });
        pusher.start();
        List<String> seen = new java.util.ArrayList<>();
        try {
            // within the grant's rate limit (25 reads a minute); the grant masks the key, so a read orders the records
            // itself or takes a kept order, and pages by key otherwise: every way a hosted read goes
            for (int n = 0; n < 20; n++) {
                Response answer = read("gaj.zhang", "&size=10");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                JsonNode json = answer.json();
                boolean odd = json.path("dataVersion").asInt() % 2 == 1;
                assertThat(json.path("total").asLong()).as(answer.body()).isEqualTo(odd ? 3 : 4);
                assertThat(json.path("records").findValuesAsText("救助金额")).as(answer.body()).hasSize(odd ? 3 : 4)
                        .allMatch(amount -> odd != amount.equals("1"));
                seen.add(json.path("dataVersion").asText());
            }
        } finally {
            reading.set(false);
            pusher.join();
        }
        assertThat(pushes.get()).as("pushes while reading").isGreaterThan(1);
        assertThat(new java.util.HashSet<>(seen)).as("versions read").hasSizeGreaterThan(1);
    }

    @Test
    void aVerificationKeyIsAMaskedItemTheProviderGrants() {
        ObjectNode body = SharingRequestBodies.request(code, "gaj.zhang", "公民身份号码", "救助金额").put("purpose", PURPOSE);
        String id = RequestsThroughTheSteps.ask(api, "gaj.zhang", body.toString()).json().path("id").asText();

        for (String item : List.of("救助金额", "姓名")) {
            assertRefusedAndAudited(api.post("mzj.chen", "/api/requests/" + id + "/reply",
                    "{\"decision\":\"APPROVE\",\"verificationKeys\":[\"" + item + "\"]}"), 400, "verificationKeys",
                    "verification-key-masked-granted-item");
        }
        assertRefusedAndAudited(api.post("mzj.chen", "/api/requests/" + id + "/reply",
                "{\"decision\":\"APPROVE\",\"unmask\":[\"公民身份号码\"],\"verificationKeys\":[\"公民身份号码\"]}"), 400,
                "verificationKeys", "verification-key-masked-granted-item");
        Response approved = RequestsThroughTheSteps.reply(api, "mzj.chen", id,
                "{\"decision\":\"APPROVE\",\"verificationKeys\":[\"公民身份号码\"]}");
        assertThat(approved.json().path("reply").path("verificationKeys").toString()).as(approved.body())
                .isEqualTo("[\"公民身份号码\"]");
        Response grant = api.get("gaj.zhang", "/api/grants/" + approved.json().path("grantId").asText());
        assertThat(grant.json().path("verificationKeys").toString()).as(grant.body()).isEqualTo("[\"公民身份号码\"]");
    }

    @Test
    void aGrantThatUnmasksAnItemShowsItWhole() {
        grant("rsj.zhou", List.of("rsj.zhou"), List.of(), List.of("姓名"));

        JsonNode record = read("rsj.zhou", "").json().path("records").get(0);

        assertThat(record.path("姓名").asText()).isEqualTo("张伟");
        assertThat(record.path("公民身份号码").asText()).isEqualTo("4101**********1234");
    }

    @Test
    void everyCheckRefusesWithItsOwnRule() {
        Response system = api.post("gaj.zhang", "/api/systems", "{\"name\":\"案件核查系统\",\"contact\":\"科技科\"}");
        String clientId = system.json().path("clientId").asText();
        String secret = system.json().path("clientSecret").asText();
        String grant = grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());

        assertRefused(read("scj.yang", ""), "no-grant");
        assertRefused(read("gaj.wang", ""), "not-named-on-grant");
        assertRefused(api.getWithPassword(clientId, secret, path + "?purpose=" + q(PURPOSE)), "not-named-on-grant");
        assertRefused(api.get("gaj.zhang", path + "?purpose=" + q("统计分析")), "purpose-not-granted");
        assertRefused(read("gaj.zhang", "&items=" + q("认定日期")), "items-outside-grant");
        assertRefused(read("gaj.zhang", "&items=" + q("核查批次")), "state-secret-never-leaves");

        assertRefused(read("gaj.zhang", "&" + q("认定日期") + "=2026-01-15"), "filter-outside-grant");
        assertRefused(read("gaj.zhang", "&" + q("认定日期.from") + "=2026-01-01"), "filter-outside-grant");
        assertRefused(read("gaj.zhang", "&" + q("核查批次") + "=X-1"), "filter-outside-grant");
        assertRefused(read("gaj.zhang", "&" + q("公民身份号码") + "=410105199001011234"), "filter-on-masked-item");
        assertRefused(read("gaj.zhang", "&" + q("姓名") + "=" + q("张伟")), "filter-on-masked-item");
        assertRefused(read("gaj.zhang", "&" + q("手机号码.to") + "=13800000000"), "filter-on-masked-item");
        assertRefused(read("gaj.zhang", "&sort=" + q("姓名")), "filter-on-masked-item");
        assertRefused(read("gaj.zhang", "&sort=" + q("认定日期")), "filter-outside-grant");

        jdbc.update("update sharing_grant set valid_until = ? where id = ?", TODAY.minusDays(1), grant);
        assertRefused(read("gaj.zhang", ""), "grant-expired");
        jdbc.update("update sharing_grant set valid_until = ? where id = ?", TODAY.plusDays(30), grant);
        Response revoked = api.post("mzj.chen", "/api/grants/" + grant + "/revocation", "{\"reason\":\"the case is closed\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertRefused(read("gaj.zhang", ""), "grant-revoked");
    }

    @Test
    void aNamedSystemReadsAsItselfAndTheGrantsRateLimitStopsBulkReading() {
        Response system = api.post("gaj.zhang", "/api/systems", "{\"name\":\"案件核查系统\",\"contact\":\"科技科\"}");
        String clientId = system.json().path("clientId").asText();
        String secret = system.json().path("clientSecret").asText();
        String grant = grant("gaj.zhang", List.of(), List.of(clientId), List.of());

        Response asSystem = api.getWithPassword(clientId, secret, path + "?purpose=" + q(PURPOSE));
        assertThat(asSystem.status()).as(asSystem.body()).isEqualTo(200);
        assertThat(auditEventsOf(asSystem.correlationId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "DATA_ACCESSED").containsEntry("actor", clientId));

        Response last = asSystem;
        // 60 reads: however a window boundary splits them, one window holds more than the limit of 25
        for (int i = 0; i < 60 && last.status() == 200; i++) {
            last = api.getWithPassword(clientId, secret, path + "?purpose=" + q(PURPOSE));
        }
        assertThat(last.status()).as(last.body()).isEqualTo(429);
        assertThat(last.json().path("type").asText()).endsWith("grant-rate-limit");
        assertThat(auditEventsOf(last.correlationId())).extracting(e -> e.get("action")).containsExactly("RATE_LIMITED");
        assertThat(jdbc.queryForObject("select sum(refused) from access_throttle where grant_id = ?", Long.class, grant))
                .isPositive();
    }

    @Test
    void aSealedExtractCarriesTheReadAsAnsweredSealedByTheProviderAndOneChangedByteFailsIt() throws Exception {
        String grant = grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());
        JsonNode read = read("gaj.zhang", "&size=10").json();

        Api.Download response = extract("gaj.zhang", "&size=10");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/zip");
        Map<String, byte[]> files = response.unzipped();
        assertThat(files).containsKeys("extract.json", "extract.json.p7s", "README.txt");
        JsonNode extract = JSON.readTree(files.get("extract.json"));
        assertThat(extract.path("grant").asText()).isEqualTo(grant);
        assertThat(extract.path("consumer").path("department").asText()).isEqualTo("public-security");
        assertThat(extract.path("provider").asText()).isEqualTo("civil-affairs");
        assertThat(extract.path("resource").path("code").asText()).isEqualTo(code);
        assertThat(extract.path("purpose").asText()).isEqualTo(PURPOSE);
        assertThat(extract.path("dataVersion").asInt()).isEqualTo(1);
        assertThat(extract.path("extractedAt").asText()).isNotBlank();
        assertThat(extract.path("records")).as("the rows as the read answered them, masked alike").isEqualTo(read.path("records"));
        assertThat(extract.path("records").get(0).path("姓名").asText()).isEqualTo("张*");
        assertThat(new String(files.get("extract.json"), StandardCharsets.UTF_8)).doesNotContain("张伟", "核查批次");
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("/verify/", "核验");

        SealVerdict verdict = sealing.verify(files.get("extract.json"), files.get("extract.json.p7s"));
        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.department()).isEqualTo("civil-affairs");
        assertThat(verdict.format()).isEqualTo(SealFormat.CMS);
        assertThat(sealing.recordsAbout("grant:" + grant)).extracting(SealRecord::id).contains(verdict.registerId());
        List<Map<String, Object>> events = auditEventsOf(response.correlationId());
        // the provider's first seal also issues its seal certificate
        assertThat(events).extracting(e -> e.get("action")).filteredOn(a -> !"SEAL_CERTIFICATE_ISSUED".equals(a))
                .containsExactly("DATA_ACCESSED", "SEAL_MADE", "EXTRACT_SEALED");
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.get("details"))).doesNotContain("张伟", "13812345678"));

        byte[] changed = files.get("extract.json").clone();
        changed[changed.length / 2] ^= 1;
        assertThat(sealing.verify(changed, files.get("extract.json.p7s")).reason()).isEqualTo(InvalidReason.CONTENT_CHANGED);
    }

    @Test
    void aGbT38540SealedExtractVerifiesToo() {
        String grant = grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());

        Api.Download response = extract("gaj.zhang", "&seal=ses");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        Map<String, byte[]> files = response.unzipped();
        assertThat(files).containsKeys("extract.json", "extract.json.ses", "README.txt").doesNotContainKey("extract.json.p7s");
        SealVerdict verdict = sealing.verify(files.get("extract.json"), files.get("extract.json.ses"));
        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.format()).isEqualTo(SealFormat.SES);
        assertThat(verdict.department()).isEqualTo("civil-affairs");
        assertThat(sealing.recordsAbout("grant:" + grant)).extracting(SealRecord::id).contains(verdict.registerId());
    }

    @Test
    void aPdfExtractForAPersonIsSealedWithPadesAndPopplerFindsItValid(@TempDir java.nio.file.Path folder) throws Exception {
        String grant = grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());

        Api.Download response = extract("gaj.zhang", "&format=pdf");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        SealVerdict verdict = sealing.verify(null, response.body());
        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.format()).isEqualTo(SealFormat.PADES);
        assertThat(verdict.department()).isEqualTo("civil-affairs");
        assertThat(sealing.recordsAbout("grant:" + grant)).extracting(SealRecord::id).contains(verdict.registerId());
        java.nio.file.Path file = folder.resolve("extract.pdf");
        java.nio.file.Files.write(file, response.body());
        assertThat(Poppler.run("pdfsig", "-nocert", file.toString()).output()).contains("Signature is Valid");
        String text = Poppler.run("pdftotext", file.toString(), "-").output();
        assertThat(text).contains(grant, "张*", "4101**********1234").doesNotContain("张伟", "410105199001011234");
    }

    @Test
    void anEcdsaExtractIsCheckedByOpensslWithTheReadmesCommand(@TempDir java.nio.file.Path folder) throws Exception {
        grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());
        Api.Download response = extract("gaj.zhang", "&algorithm=ecdsa");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        response.unzipped().forEach((name, content) -> {
            try {
                java.nio.file.Files.write(folder.resolve(name), content);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "extract.json.p7s", "-content", "extract.json", "-CAfile", "govshare-root-ecdsa.pem", "-purpose", "any",
                "-out", "/dev/null").directory(folder.toFile()).redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(said).isZero();
        assertThat(said).contains("Verification successful");
        assertThat(new String(java.nio.file.Files.readAllBytes(folder.resolve("README.txt")), StandardCharsets.UTF_8))
                .contains("openssl cms -verify");
    }

    @Test
    void anExtractIsRefusedAndAuditedAsTheReadIsAndSealsNothing() {
        String grant = grant("gaj.zhang", List.of("gaj.zhang"), List.of(), List.of());

        assertRefused(api.get("scj.yang", path + "/extract?purpose=" + q(PURPOSE)), "no-grant");
        assertRefused(api.get("gaj.zhang", path + "/extract?purpose=" + q("统计分析")), "purpose-not-granted");
        assertRefused(api.get("gaj.zhang", path + "/extract?purpose=" + q(PURPOSE) + "&items=" + q("核查批次")),
                "state-secret-never-leaves");
        assertRefused(api.get("gaj.zhang", path + "/extract?purpose=" + q(PURPOSE) + "&" + q("姓名") + "=" + q("张伟")),
                "filter-on-masked-item");
        assertRefusedAndAudited(api.get("gaj.zhang", path + "/extract?purpose=" + q(PURPOSE) + "&format=pdf&seal=cms"),
                400, "seal", "unknown-value");
        assertRefusedAndAudited(api.get("gaj.zhang", path + "/extract?purpose=" + q(PURPOSE) + "&format=xml"),
                400, "format", "unknown-value");

        assertThat(sealing.recordsAbout("grant:" + grant)).as("nothing sealed under the grant").isEmpty();
    }

    private Api.Download extract(String login, String query) {
        return api.download(login, path + "/extract?purpose=" + q(PURPOSE) + query);
    }
}
