package org.govshare.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.seal.InvalidReason;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRecord;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.Sealing;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Electronic certificates over HTTP: Civil Affairs issues one from a record it pushed, its seal verifies, anyone
 * learns its status by number without logging in, and a revocation shows there; who may see the document is decided
 * by the issuer, the authority, and what a grant shows.
 */
class LicencesIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "51410100MJ0000001X";
    private static final String TITLE = "社会组织登记证明";

    @Autowired
    private Sealing sealing;

    private String code;

    @BeforeEach
    void publishAndPush() {
        code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        Response pushed = api.post("mzj.chen", "/api/data/" + code + "/records?mode=REPLACE", """
                [{"统一社会信用代码":"51410100MJ0000001X","组织名称":"郑州市志愿者协会","法定代表人":"王芳"},
                 {"统一社会信用代码":"51410100MJ0000002X","组织名称":"郑州市书法家协会","法定代表人":"李明"},
                 {"统一社会信用代码":"51410100MJ0000003X","组织名称":"郑州市书法家协会","法定代表人":"赵雷"}]""");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
    }

    private ObjectNode issueBody(String item, String value, String... items) {
        ObjectNode body = JSON.createObjectNode().put("resource", code).put("title", TITLE).put("holderItem", "组织名称");
        body.set("filter", JSON.createObjectNode().put(item, value));
        body.set("items", JSON.valueToTree(List.of(items)));
        return body;
    }

    private String issue(String... items) {
        Response issued = api.post("mzj.chen", "/api/licences", issueBody("统一社会信用代码", FIRST, items).toString());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("number").asText();
    }

    @Test
    void aProviderIssuesASealedLicenceWhoseStatusAnyoneReadsUntilItIsRevoked() {
        Response issued = api.post("mzj.chen", "/api/licences", issueBody("统一社会信用代码", FIRST).toString());

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = issued.json().path("number").asText();
        assertThat(number).matches("DZZZ-\\d{4}-102-\\d{7}-[0-9X]");
        assertThat(issued.json().path("status").asText()).isEqualTo("VALID");
        assertThat(issued.json().path("holder").asText()).isEqualTo("郑州市志愿者协会");
        assertThat(auditEventsOf(issued.correlationId())).extracting(e -> e.get("action")).contains("SEAL_MADE", "LICENCE_ISSUED");
        assertThat(auditEventsOf(issued.correlationId())).allSatisfy(e -> assertThat(String.valueOf(e.get("details")))
                .doesNotContain("王芳"));

        Api.Download zip = api.download("mzj.chen", "/api/licences/" + number + "/document");
        assertThat(zip.status()).as(zip.text()).isEqualTo(200);
        Map<String, byte[]> files = zip.unzipped();
        String seal = "licence.json.ses";
        assertThat(files).containsKeys("licence.json", seal, "README.txt");
        JsonNode document = readTree(files.get("licence.json"));
        assertThat(document.path("number").asText()).isEqualTo(number);
        assertThat(document.path("issuer").path("department").asText()).isEqualTo("civil-affairs");
        assertThat(document.path("record").path("法定代表人").asText()).isEqualTo("王芳");
        SealVerdict verdict = sealing.verify(files.get("licence.json"), files.get(seal));
        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.department()).isEqualTo("civil-affairs");
        assertThat(verdict.format()).as("GB/T 38540, for a Chinese-standard document").isEqualTo(SealFormat.SES);
        assertThat(sealing.recordsAbout("licence:" + number)).extracting(SealRecord::id).contains(verdict.registerId())
                .hasSize(2);
        byte[] changed = files.get("licence.json").clone();
        changed[changed.length / 2] ^= 1;
        assertThat(sealing.verify(changed, files.get(seal)).reason()).isEqualTo(InvalidReason.CONTENT_CHANGED);

        Api.Download pdf = api.download("mzj.chen", "/api/licences/" + number + "/pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        SealVerdict pdfVerdict = sealing.verify(null, pdf.body());
        assertThat(pdfVerdict.valid()).as(pdfVerdict.message()).isTrue();
        assertThat(pdfVerdict.format()).isEqualTo(SealFormat.PADES);
        assertThat(issued.json().path("sealRecords")).hasSize(2);

        Response status = api.get(null, "/api/licences/" + number + "/status");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("VALID");
        assertThat(status.json().path("departmentName").asText()).isEqualTo("郑州市民政局");
        assertThat(status.json().path("title").asText()).isEqualTo(TITLE);
        List<String> fields = new java.util.ArrayList<>();
        status.json().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("number", "title", "department", "departmentName", "issuedAt", "status",
                "revokedAt");
        assertThat(status.body()).doesNotContain("王芳", "志愿者协会", FIRST);
        assertThat(api.get(null, "/api/licences/" + number.toLowerCase(java.util.Locale.ROOT) + "/status").status())
                .as("numbers are read in either case").isEqualTo(200);

        Response revoked = api.post("mzj.chen", "/api/licences/" + number + "/revoke", "{\"reason\":\"登记已注销 deregistered\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(auditEventsOf(revoked.correlationId())).extracting(e -> e.get("action")).containsExactly("LICENCE_REVOKED");
        JsonNode after = api.get(null, "/api/licences/" + number + "/status").json();
        assertThat(after.path("status").asText()).isEqualTo("REVOKED");
        assertThat(after.path("revokedAt").asText()).isNotBlank();
        assertRefusedAndAudited(api.post("mzj.chen", "/api/licences/" + number + "/revoke", "{\"reason\":\"again\"}"),
                409, "number", "already-revoked");
        assertThat(api.get("mzj.chen", "/api/licences?resource=" + code).json().findValuesAsText("number")).containsExactly(number);
    }

    @Test
    void aFilterMatchingNoneOrSeveralRecordsIsRefusedNamingIt() {
        assertRefusedAndAudited(api.post("mzj.chen", "/api/licences", issueBody("组织名称", "郑州市书法家协会").toString()),
                400, "filter", "more-than-one-record-matches");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/licences", issueBody("统一社会信用代码", "51410100MJ0000009X").toString()),
                400, "filter", "no-record-matches");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/licences", issueBody("注册资金", "1").toString()),
                400, "filter.注册资金", "unknown-item");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/licences", issueBody("统一社会信用代码", FIRST, "统一社会信用代码")
                .toString()), 400, "holderItem", "unknown-item");
        assertRefusedAndAudited(api.post("mzj.chen", "/api/licences", "{\"resource\":\"" + code + "\"}"), 400, "filter", "required");
    }

    @Test
    void outsidersNeitherIssueNorSeeALicenceAndAGrantShowsOnlyWhatItReveals() {
        assertRefusedAndAudited(api.post("gaj.zhang", "/api/licences", issueBody("统一社会信用代码", FIRST).toString()),
                403, "resource", "issuer-only");
        String whole = issue();
        String clear = issue("统一社会信用代码", "组织名称");

        // no grant: the licence does not exist for them, and the refusal is audited
        assertRefusedAndAudited(api.get("gaj.zhang", "/api/licences/" + clear), 404, null, null);
        assertRefusedAndAudited(api.get("gaj.zhang", "/api/licences/" + clear + "/document"), 404, null, null);
        assertRefusedAndAudited(api.post("gaj.zhang", "/api/licences/" + clear + "/revoke", "{\"reason\":\"no\"}"), 404, null, null);

        // a grant of the code and the name, shown in clear: the licence carrying only those is shared, not the one
        // carrying the legal representative too
        Response asked = RequestsThroughTheSteps.ask(api, "gaj.zhang",
                SharingRequestBodies.request(code, "gaj.zhang", "统一社会信用代码", "组织名称").toString());
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("GRANTED");
        Response shared = api.get("gaj.zhang", "/api/licences/" + clear);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.json().path("document").path("record").path("组织名称").asText()).isEqualTo("郑州市志愿者协会");
        assertThat(api.download("gaj.zhang", "/api/licences/" + clear + "/document").status()).isEqualTo(200);
        assertRefusedAndAudited(api.get("gaj.zhang", "/api/licences/" + whole), 404, null, null);
        assertRefusedAndAudited(api.post("gaj.zhang", "/api/licences/" + clear + "/revoke", "{\"reason\":\"no\"}"),
                403, "number", "issuer-or-authority-only");

        assertThat(api.get("authority.li", "/api/licences/" + whole).status()).isEqualTo(200);
        String mistyped = clear.substring(0, clear.length() - 1) + (clear.endsWith("1") ? "2" : "1");
        assertRefusedAndAudited(api.get(null, "/api/licences/" + mistyped + "/status"), 400, "number", "licence-number-form");
        assertThat(api.get(null, "/api/licences/" + LicenceNumber.of(2026, "102", 9_999_999) + "/status").status())
                .isEqualTo(404);
        assertThat(api.get(null, "/api/licences/" + clear).status()).as("only the status is public").isEqualTo(401);
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
