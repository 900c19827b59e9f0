package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The catalog under the national regulation over HTTP (Art. 13, 17, 19): run with
 * {@code -Dgovshare.rules.pack=national-2025}. Under a pack without those steps (zhengzhou-2015) the same endpoints
 * answer 409 step-off, and a grade is refused: the last tests check that, the others are skipped.
 */
class CatalogNationalIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static ObjectNode body(CatalogEntry entry) {
        return CatalogEntries.bodyForPack(entry);
    }

    private static CatalogEntry residents() {
        return CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode());
    }

    private JsonNode submitted(ObjectNode body) {
        Response submitted = api.post("gaj.wang", "/api/catalog/submissions", body.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    // ---- national-2025 ----

    @Test
    void aGradedAssessedEntryIsApprovedByItsHeadAndPublishedWithItsGrade() {
        assumeTrue(CatalogEntries.assessed());
        CatalogEntry entry = residents();
        ObjectNode body = body(entry);
        body.put("grade", "重要数据");
        JsonNode submission = submitted(body);
        String id = submission.path("id").asText();

        assertThat(submission.path("assessments").findValuesAsText("kind")).containsExactly("SECRECY", "PERSONAL_INFORMATION");
        assertThat(submission.path("assessments").get(0).path("file").path("name").asText()).isEqualTo("assessment.pdf");
        assertThat(submission.toString()).doesNotContain("JVBER"); // the report's bytes (base64 of %PDF) stay out
        assertThat(api.download("gaj.ma", "/api/catalog/submissions/" + id + "/assessments/SECRECY").text()).startsWith("%PDF");
        assertThat(api.post("authority.li", "/api/catalog/submissions/" + id + "/review", "{\"decision\":\"PUBLISH\"}").status())
                .as("the authority waits for the head").isEqualTo(409);

        Response approved = api.post("gaj.ma", "/api/catalog/submissions/" + id + "/head-approval", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().path("headApproval").path("by").asText()).as(approved.body()).isEqualTo("gaj.ma");
        api.post("authority.li", "/api/catalog/submissions/" + id + "/review", "{\"decision\":\"PUBLISH\"}");

        JsonNode shown = api.get("mzj.liu", "/api/catalog/resources/" + entry.code()).json().path("entry");
        assertThat(shown.path("grade").asText()).isEqualTo("重要数据");
        assertThat(shown.path("dataCategory").asText()).isEqualTo("人口信息");
    }

    @Test
    void aSubmissionWithoutAssessmentsOrWithAWrongGradeIsRefusedNamingTheField() {
        assumeTrue(CatalogEntries.assessed());
        ObjectNode unassessed = body(residents());
        unassessed.remove("assessments");
        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/submissions", unassessed.toString()), 400,
                "assessments.personalInformation", "required");

        ObjectNode wrongGrade = body(residents());
        wrongGrade.put("grade", "绝密");
        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/submissions", wrongGrade.toString()), 400,
                "grade", "grade-of-pack");

        ObjectNode typo = body(residents());
        typo.put("grad", "一般数据");
        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/submissions", typo.toString()), 400, "grad", "unknown-field");
    }

    @Test
    void onlyTheDepartmentsOwnHeadApprovesAndAReturnNeedsReasons() {
        assumeTrue(CatalogEntries.assessed());
        String id = submitted(body(residents())).path("id").asText();

        assertRefusedAndAudited(api.post("mzj.he", "/api/catalog/submissions/" + id + "/head-approval",
                "{\"decision\":\"APPROVE\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("gaj.ma", "/api/catalog/submissions/" + id + "/head-approval",
                "{\"decision\":\"RETURN\"}"), 400, "comment", "return-needs-reason");
        Response returned = api.post("gaj.ma", "/api/catalog/submissions/" + id + "/head-approval",
                "{\"decision\":\"RETURN\",\"comment\":\"the assessment is a year old\"}");
        assertThat(returned.json().path("status").asText()).as(returned.body()).isEqualTo("RETURNED");
    }

    @Test
    void aChangeOfLawIsAnsweredByTheDepartmentsSubmissions() {
        assumeTrue(CatalogEntries.assessed());
        Response recorded = api.post("gaj.wang", "/api/catalog/changes",
                "{\"basis\":\"《户口登记条例》修订\",\"description\":\"居住证信息并入\",\"effectiveOn\":\"2026-11-23\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String change = recorded.json().path("id").asText();
        assertThat(change).startsWith("ML-");
        assertThat(recorded.json().path("dueAt").asText()).isNotBlank();

        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/changes", "{\"basis\":\"x\"}"), 400, "description",
                "required-at-most-2000");
        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/changes/" + change + "/extension", "{\"reason\":\"\"}"),
                400, "reason", "required-at-most-2000");
        assertRefusedAndAudited(api.post("authority.li", "/api/catalog/changes/" + change + "/extension-decision",
                "{\"decision\":\"CONSENT\"}"), 409, null, null);
        assertThat(api.get("mzj.liu", "/api/catalog/changes/" + change).status()).isEqualTo(403);

        String submission = submitted(body(residents())).path("id").asText();
        Response answered = api.post("gaj.wang", "/api/catalog/changes/" + change + "/answer",
                "{\"submissionIds\":[\"" + submission + "\"]}");
        assertThat(answered.json().path("status").asText()).as(answered.body()).isEqualTo("ANSWERED");
        assertThat(api.get("authority.li", "/api/catalog/changes?department=public-security").json().findValuesAsText("id"))
                .contains(change);
    }

    @Test
    void theAuthorityNamesTheSourceDepartmentAndTheCatalogShowsIt() {
        assumeTrue(CatalogEntries.assessed());
        String code = publish("gaj.wang", residents());
        String path = "/api/catalog/resources/" + code + "/source-department";

        assertRefusedAndAudited(api.post("gaj.wang", path, "{\"department\":\"public-security\",\"basis\":\"牵头采集\"}"),
                403, null, null);
        assertRefusedAndAudited(api.post("authority.li", path, "{\"department\":\"no-such\",\"basis\":\"牵头采集\"}"),
                400, "department", "known-administrative-department");
        Response named = api.post("authority.li", path, "{\"department\":\"public-security\",\"basis\":\"户籍由公安机关牵头采集\"}");
        assertThat(named.status()).as(named.body()).isEqualTo(200);

        JsonNode listing = api.get("scj.yang", "/api/catalog/resources/" + code).json();
        assertThat(listing.path("sourceDepartment").path("department").asText()).isEqualTo("public-security");
        assertThat(api.get("scj.yang", "/api/catalog?q=" + code.substring(7)).json().path("resources").get(0)
                .path("sourceDepartment").path("basis").asText()).isEqualTo("户籍由公安机关牵头采集");
    }

    // ---- a pack without the steps ----

    @Test
    void withoutTheStepsTheirEndpointsAnswerStepOffAndAGradeIsRefused() {
        assumeFalse(CatalogEntries.assessed());
        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/changes",
                "{\"basis\":\"a\",\"description\":\"b\",\"effectiveOn\":\"2026-11-23\"}"), 409, "pack", "step-off");
        String code = publish("gaj.wang", residents());
        assertRefusedAndAudited(api.post("authority.li", "/api/catalog/resources/" + code + "/source-department",
                "{\"department\":\"public-security\",\"basis\":\"x\"}"), 409, "pack", "step-off");
        assertThat(api.get("scj.yang", "/api/catalog/resources/" + code).body()).doesNotContain("sourceDepartment");

        ObjectNode graded = JSON.valueToTree(residents().graded("人口信息", "一般数据"));
        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/submissions", graded.toString()), 400, "grade", "grade-of-pack");
        ObjectNode assessed = JSON.valueToTree(residents());
        assessed.putObject("assessments").putObject("secrecy").put("done", true);
        assertRefusedAndAudited(api.post("gaj.wang", "/api/catalog/submissions", assessed.toString()), 409, "pack", "step-off");

        String id = submitted(JSON.valueToTree(residents())).path("id").asText();
        assertRefusedAndAudited(api.post("gaj.ma", "/api/catalog/submissions/" + id + "/head-approval",
                "{\"decision\":\"APPROVE\"}"), 409, "pack", "step-off");
    }
}
