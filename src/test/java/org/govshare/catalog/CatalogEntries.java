package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.catalog.CatalogEntry.Classification;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.CatalogEntry.Format;
import org.govshare.catalog.CatalogEntry.LegalBasis;
import org.govshare.catalog.CatalogEntry.SharingCondition;
import org.govshare.rules.RulesProperties;
import org.govshare.support.Api;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

/** Catalog entries for tests: well formed, each with a fresh code in the provider's range. */
public final class CatalogEntries {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(300);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private CatalogEntries() {
    }

    /**
     * The pack under test ({@code -Dgovshare.rules.pack}, zhengzhou-2015 when unset) as far as a catalog submission
     * cares: its grades and whether submissions carry assessments and go to their head (Art. 13 of the national
     * regulation).
     */
    private static final JsonNode PACK = readPack();

    /** The demo heads of the sharing office, by department (README). */
    private static final Map<String, String> HEADS = Map.of("public-security", "gaj.ma", "civil-affairs", "mzj.he",
            "market-supervision", "scj.guo", "human-resources", "rsj.lin", "jinshui-civil-affairs", "jsq.deng");

    /** The smallest file that is a PDF as the evidence checks read one. */
    public static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static JsonNode readPack() {
        try {
            String name = RulesProperties.of("file:rules/packs/").pack();
            // a shipped pack, or a test pack (Jincheng's) beside the test resources
            Path file = java.util.stream.Stream.of(Path.of("rules/packs", name, "pack.yaml"),
                    Path.of("src/test/resources/rules/packs", name, "pack.yaml")).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pack.yaml of " + name));
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the pack under test has submissions assessed and approved by their head first. */
    public static boolean assessed() {
        return PACK.path("steps").path("submission-assessments").asBoolean(false);
    }

    /** The entry as the pack under test asks for it: classified and graded where the pack grades (一般数据 first). */
    public static CatalogEntry forPack(CatalogEntry e) {
        JsonNode grades = PACK.path("classification").path("grades");
        return grades.isEmpty() || e.grade() != null ? e : e.graded("人口信息", grades.get(0).asText());
    }

    /** Both assessments done, where the pack under test asks for them; null where it does not. */
    public static SubmissionAssessments assessmentsForPack() {
        if (!assessed()) {
            return null;
        }
        SubmissionAssessments.Assessment done = new SubmissionAssessments.Assessment(true, java.time.LocalDate.of(2026, 1, 5), "保密办 secrecy office",
                new org.govshare.platform.EvidenceFile("assessment.pdf", "application/pdf", PDF));
        return new SubmissionAssessments(done, done);
    }

    /** The body of a submission of the entry under the pack under test: graded and assessed where it asks. */
    public static ObjectNode bodyForPack(CatalogEntry entry) {
        ObjectNode body = JSON.valueToTree(forPack(entry));
        SubmissionAssessments assessments = assessmentsForPack();
        if (assessments != null) {
            body.set("assessments", JSON.valueToTree(assessments));
        }
        return body;
    }

    /** The demo head of a department's sharing office. */
    public static String headOf(String department) {
        return HEADS.get(department);
    }

    /** Submits the entry as the provider's reviewer and has the authority publish it, over HTTP; its code. */
    public static String publish(Api api, String provider, CatalogEntry entry) {
        publish(api, provider, bodyForPack(entry));
        return entry.code();
    }

    /**
     * Submits a body as the provider's reviewer, has its head approve it where the pack asks (Art. 13 of the national
     * regulation) and the authority publish it, over HTTP; the submission's id.
     */
    public static String publish(Api api, String provider, ObjectNode body) {
        String id = submitted(api, provider, body).path("id").asText();
        Api.Response reviewed = api.post("authority.li", "/api/catalog/submissions/" + id + "/review", "{\"decision\":\"PUBLISH\"}");
        assertThat(reviewed.json().path("status").asText()).as(reviewed.body()).isEqualTo("PUBLISHED");
        return id;
    }

    /**
     * Submits a body as the provider's reviewer and has its head approve it where the pack asks: the submission as
     * it then stands, in the authority's review.
     */
    public static JsonNode submitted(Api api, String provider, ObjectNode body) {
        Api.Response submitted = api.post(provider, "/api/catalog/submissions", body.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return headApproves(api, submitted.json());
    }

    /**
     * Where the pack asks for it (Art. 13 of the national regulation), the submitting department's head approves the
     * submission; the submission as it then stands.
     */
    public static JsonNode headApproves(Api api, JsonNode submission) {
        if (!assessed()) {
            return submission;
        }
        Api.Response approved = api.post(headOf(submission.path("department").asText()), "/api/catalog/submissions/"
                + submission.path("id").asText() + "/head-approval", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json();
    }

    /** A fresh code for Public Security (range 101). */
    public static String nextPublicSecurityCode() {
        return "101001/101" + SEQUENCE.incrementAndGet();
    }

    /** A conditional Public Security resource about residents, with personal data items. */
    public static CatalogEntry residents(String code) {
        return new CatalogEntry(code, "常住人口基本信息 " + code, "Registered residents: identity and household",
                "public-security", "public-security", "户籍管理 (户口登记条例)", ResourceKind.PROFESSIONAL,
                new Classification("1", "01", "001"), new Format(FormatCategory.STRUCTURED_TABLE, "database table"),
                List.of(new DataItem("公民身份号码", "string", 18, Sensitivity.PERSONAL),
                        new DataItem("姓名", "string", 50, Sensitivity.PERSONAL),
                        new DataItem("户籍地址", "string", 200, Sensitivity.PERSONAL)),
                SharingType.CONDITIONAL, "用于法定职责内的身份核验", List.of(new SharingCondition(ConditionType.PURPOSE_REQUIRED, "身份核验")),
                null, SharingMethod.PROVIDER_SERVICE, false, null, UpdateCycle.DAILY, null, List.of(), null, null);
    }

    /** An unconditional Civil Affairs resource about registered social organisations, public items only. */
    public static CatalogEntry organisations(String code) {
        return new CatalogEntry(code, "社会组织登记信息 " + code, "Registered social organisations", "civil-affairs",
                "civil-affairs", "社会组织登记管理 (社会团体登记管理条例)", ResourceKind.PROFESSIONAL,
                new Classification("2", "03", "001"), new Format(FormatCategory.STRUCTURED_TABLE, "database table"),
                List.of(new DataItem("统一社会信用代码", "string", 18, Sensitivity.PUBLIC, true, true, null),
                        new DataItem("组织名称", "string", 200, Sensitivity.PUBLIC, false, true, null),
                        new DataItem("法定代表人", "string", 50, Sensitivity.PERSONAL, false, false, ItemKind.PERSON_NAME)),
                SharingType.UNCONDITIONAL, null, List.of(), null, SharingMethod.HOSTED_DATASET, false, null, UpdateCycle.DAILY,
                null, List.of(), null, null);
    }

    /**
     * A Civil Affairs hosted dataset with an item of every type: key 统一社会信用代码, a required name, a personal
     * item, a date, a decimal, an integer, a date-time and a boolean.
     */
    public static CatalogEntry organisationRegister(String code) {
        return new CatalogEntry(code, "社会组织登记台账 " + code, "Registered social organisations, with figures",
                "civil-affairs", "civil-affairs", "社会组织登记管理 (社会团体登记管理条例)", ResourceKind.PROFESSIONAL,
                new Classification("2", "03", "001"), new Format(FormatCategory.STRUCTURED_TABLE, "database table"),
                List.of(new DataItem("统一社会信用代码", "string", 18, Sensitivity.PUBLIC, true, true, null),
                        new DataItem("组织名称", "string", 20, Sensitivity.PUBLIC, false, true, null),
                        new DataItem("法定代表人", "string", 50, Sensitivity.PERSONAL, false, false, ItemKind.PERSON_NAME),
                        new DataItem("成立日期", "date", null, Sensitivity.PUBLIC),
                        new DataItem("注册资金", "decimal", null, Sensitivity.PUBLIC),
                        new DataItem("会员数", "integer", null, Sensitivity.PUBLIC),
                        new DataItem("年检时间", "datetime", null, Sensitivity.PUBLIC),
                        new DataItem("是否有效", "boolean", null, Sensitivity.PUBLIC)),
                SharingType.UNCONDITIONAL, null, List.of(), null, SharingMethod.HOSTED_DATASET, false, null, UpdateCycle.DAILY,
                null, List.of(), null, null);
    }

    /** A non-sharing Public Security resource, citing the law that keeps it from sharing. */
    public static CatalogEntry investigations(String code) {
        return new CatalogEntry(code, "案件侦查信息 " + code, "Criminal investigations", "public-security", "public-security",
                "刑事侦查 (刑事诉讼法)", ResourceKind.PROFESSIONAL, new Classification("1", "02", "001"),
                new Format(FormatCategory.STRUCTURED_TABLE, "database table"),
                List.of(new DataItem("案件编号", "string", 30, Sensitivity.INTERNAL)), SharingType.NON_SHARING, null, List.of(),
                new LegalBasis("《中华人民共和国刑事诉讼法》", "第一百五十二条"), SharingMethod.PROVIDER_SERVICE, false, null,
                UpdateCycle.DAILY, null, List.of(), null, null);
    }

    /** A fresh code: the classification part (class, item, sub-item) and the department's 3-digit range. */
    public static String nextCode(String classification, String range) {
        return classification + "/" + range + SEQUENCE.incrementAndGet();
    }

    /** The entry made conditional, with these sharing conditions (a conditional resource must state them). */
    public static CatalogEntry conditional(CatalogEntry e, String sharingConditions) {
        return new CatalogEntry(e.code(), e.name(), e.summary(), e.providerDepartment(), e.collectingDepartment(),
                e.statutoryDuty(), e.kind(), e.classification(), e.format(), e.items(), SharingType.CONDITIONAL,
                sharingConditions, e.conditions(), e.legalBasis(), e.sharingMethod(), e.openToPublic(), e.openConditions(),
                e.updateCycle(), e.publishDate(), e.relatedCodes(), e.tier(), e.regionCode());
    }

    public static CatalogEntry withSharingType(CatalogEntry e, SharingType type) {
        return new CatalogEntry(e.code(), e.name(), e.summary(), e.providerDepartment(), e.collectingDepartment(),
                e.statutoryDuty(), e.kind(), e.classification(), e.format(), e.items(), type, e.sharingConditions(),
                e.conditions(), e.legalBasis(), e.sharingMethod(), e.openToPublic(), e.openConditions(), e.updateCycle(),
                e.publishDate(), e.relatedCodes(), e.tier(), e.regionCode(), e.dataCategory(), e.grade());
    }

    public static CatalogEntry withSummary(CatalogEntry e, String summary) {
        return new CatalogEntry(e.code(), e.name(), summary, e.providerDepartment(), e.collectingDepartment(),
                e.statutoryDuty(), e.kind(), e.classification(), e.format(), e.items(), e.sharingType(), e.sharingConditions(),
                e.conditions(), e.legalBasis(), e.sharingMethod(), e.openToPublic(), e.openConditions(), e.updateCycle(),
                e.publishDate(), e.relatedCodes(), e.tier(), e.regionCode(), e.dataCategory(), e.grade());
    }

    /** The entry under another code, in the sub-item of the classification the code spells (203002/102001: 2, 03, 002). */
    public static CatalogEntry withCode(CatalogEntry e, String code) {
        Classification spelled = new Classification(code.substring(0, 1), code.substring(1, 3), code.substring(3, 6));
        return new CatalogEntry(code, e.name(), e.summary(), e.providerDepartment(), e.collectingDepartment(),
                e.statutoryDuty(), e.kind(), spelled, e.format(), e.items(), e.sharingType(), e.sharingConditions(),
                e.conditions(), e.legalBasis(), e.sharingMethod(), e.openToPublic(), e.openConditions(), e.updateCycle(),
                e.publishDate(), e.relatedCodes(), e.tier(), e.regionCode(), e.dataCategory(), e.grade());
    }
}
