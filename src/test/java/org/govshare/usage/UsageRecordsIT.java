package org.govshare.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.govshare.catalog.CatalogEntries;
import org.govshare.detection.Detection;
import org.govshare.grant.Answers;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.grant.TestGrants;
import org.govshare.rules.RulesProperties;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Usage records over HTTP under the national pack (Art. 29): the holder adds them, with files checked as evidence is;
 * the holder, the provider and the authority read them, a stranger learns nothing; they are kept until their retention
 * ends; and a grant read from without one past the grace is a finding of the daily detection. (Under a pack that
 * leaves the step off, {@code AfterTheGrantIT} checks that every endpoint answers step-off.)
 */
class UsageRecordsIT extends IntegrationTest {

    private static final boolean NATIONAL = RulesProperties.of("").pack().equals("national-2025");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final List<String> ITEMS = List.of("统一社会信用代码", "组织名称", "法定代表人");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final String RECORD = """
            {"scenario":"社会组织年检核查 annual inspection","process":"比对登记信息 compared the register",
             "results":"发现3家未年检 three not inspected","storage":"公安内网核查库 the internal checks database",
             "destruction":"核查结束后30日内删除 deleted 30 days after the checks"}""";

    @Autowired
    Grants grants;

    @Autowired
    Detection detection;

    private Grant grant;
    private String path;

    @BeforeEach
    void grant() {
        assumeTrue(NATIONAL, "usage records are a step of the national pack");
        grant = TestGrants.issue(grants, CatalogEntries.nextCode("203001", "102"), ITEMS);
        path = "/api/grants/" + grant.id() + "/usage-records";
    }

    private Response delete(String login, String recordPath) {
        return api.send(login, Api.PASSWORD, api.request(recordPath).DELETE(), null);
    }

    @Test
    void theHolderAddsRecordsWithFilesThatTheProviderAndTheAuthorityRead() {
        Response added = api.post("gaj.zhang", path, RECORD);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("keptUntil").asText()).isEqualTo(TODAY.plusYears(3).toString());
        Response withFile = api.postJsonAndFile("gaj.zhang", path, "record", RECORD, "files", "核查报告.pdf",
                "application/pdf", PDF);
        assertThat(withFile.status()).as(withFile.body()).isEqualTo(201);
        long recordId = withFile.json().path("id").asLong();
        long fileId = withFile.json().path("files").get(0).path("id").asLong();

        for (String reader : List.of("gaj.zhang", "mzj.chen", "authority.li")) {
            Response listed = api.get(reader, path);
            assertThat(listed.status()).as(reader + ": " + listed.body()).isEqualTo(200);
            assertThat(listed.json()).hasSize(2);
            assertThat(listed.json().get(0).path("files").get(0).path("name").asText()).isEqualTo("核查报告.pdf");
        }
        Api.Download file = api.download("mzj.chen", path + "/" + recordId + "/files/" + fileId);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(auditEventsOf(file.correlationId())).extracting(e -> e.get("action")).contains("USAGE_RECORD_FILE_READ");
        assertThat(auditEventsOf(added.correlationId())).extracting(e -> e.get("action")).contains("USAGE_RECORD_ADDED");
    }

    @Test
    void aRecordMissingWhatArticle29AsksOrWithABadFileIsRefusedAndOnlyTheHolderAdds() {
        assertRefusedAndAudited(api.post("gaj.zhang", path, "{\"scenario\":\"核查\"}"), 400, "destruction", "required");
        assertRefusedAndAudited(api.postJsonAndFile("gaj.zhang", path, "record", RECORD, "files", "x.pdf",
                "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)), 400, "files[0]", "content-matches-type");
        assertRefusedAndAudited(api.postJsonAndFile("gaj.zhang", path, "record", RECORD, "files", "x.exe",
                "application/octet-stream", PDF), 400, "files[0]", "type");
        assertRefusedAndAudited(api.post("mzj.chen", path, RECORD), 403, null, null);
        assertThat(api.get("gaj.zhang", path).json()).isEmpty();
    }

    @Test
    void aStrangerLearnsNothingNotEvenThatTheGrantExists() {
        long recordId = api.post("gaj.zhang", path, RECORD).json().path("id").asLong();
        String missing = "SQ-2026-999999";
        String other = "/api/grants/" + missing + "/usage-records";

        Response listed = api.get("rsj.zhou", path);
        assertRefusedAndAudited(listed, 404, null, null);
        assertThat(Answers.shape(listed, grant.id())).isEqualTo(Answers.shape(api.get("rsj.zhou", other), missing));
        Response added = api.post("rsj.zhou", path, RECORD);
        assertRefusedAndAudited(added, 404, null, null);
        assertThat(Answers.shape(added, grant.id())).isEqualTo(Answers.shape(api.post("rsj.zhou", other, RECORD), missing));
        Response deleted = delete("rsj.zhou", path + "/" + recordId);
        assertThat(Answers.shape(deleted, grant.id()))
                .isEqualTo(Answers.shape(delete("rsj.zhou", other + "/" + recordId), missing));
        assertThat(api.get("gaj.zhang", path).json()).hasSize(1);
    }

    @Test
    void aRecordIsKeptUntilItsRetentionEndsAndThenTheHolderMayDeleteIt() {
        long recordId = api.post("gaj.zhang", path, RECORD).json().path("id").asLong();
        String recordPath = path + "/" + recordId;

        Response early = delete("gaj.zhang", recordPath);
        assertRefusedAndAudited(early, 409, "recordId", "usage-record-retained");
        assertThat(early.json().path("errors").get(0).path("message").asText())
                .contains(TODAY.plusYears(3).plusDays(1).toString());

        jdbc.update("update usage_record set kept_until = ? where id = ?", TODAY.minusDays(1), recordId);
        assertRefusedAndAudited(delete("mzj.chen", recordPath), 403, null, null);
        Response deleted = delete("gaj.zhang", recordPath);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(auditEventsOf(deleted.correlationId())).extracting(e -> e.get("action")).contains("USAGE_RECORD_DELETED");
        assertThat(api.get("gaj.zhang", path).json()).isEmpty();
    }

    @Test
    void aGrantReadFromWithoutAUsageRecordPastTheGraceIsAFindingAgainstItsHolder() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        Grant used = TestGrants.issue(grants, code, ITEMS);
        api.post("mzj.chen", "/api/data/" + code + "/records?mode=REPLACE", """
                [{"统一社会信用代码":"51410100MJY123456X","组织名称":"郑州市慈善总会","法定代表人":"王刚"}]""");
        Response read = api.get("gaj.zhang", "/api/data/" + code + "?purpose="
                + URLEncoder.encode(TestGrants.PURPOSE, StandardCharsets.UTF_8));
        assertThat(read.status()).as(read.body()).isEqualTo(200);

        detection.runRounds(TODAY);
        assertThat(jdbc.queryForObject("select first_read_on from grant_first_read where grant_id = ?", LocalDate.class,
                used.id())).isEqualTo(TODAY);
        detection.detect(TODAY);
        assertThat(violations(used)).as("within the grace").isZero();

        jdbc.update("update grant_first_read set first_read_on = ? where grant_id = ?", TODAY.minusDays(31), used.id());
        detection.detect(TODAY);
        detection.detect(TODAY);
        assertThat(violations(used)).as("once, however often it is found").isOne();
        assertThat(jdbc.queryForObject("select department from violation where type = 'NO_USAGE_RECORDS' and subject = ?",
                String.class, used.id())).isEqualTo("public-security");
    }

    private long violations(Grant grant) {
        return jdbc.queryForObject("select count(*) from violation where type = 'NO_USAGE_RECORDS' and subject = ?",
                Long.class, grant.id());
    }
}
