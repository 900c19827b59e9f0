package org.govshare.assessment.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govshare.assessment.AssessmentReport;
import org.govshare.document.IssuedPdfs;
import org.govshare.platform.CsvReader;
import org.govshare.seal.Sealing;
import org.govshare.support.Api;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The published assessments over HTTP: the years, a year's report as JSON, CSV, XLSX and PDF, and a department's
 * detail, for every demo department (the ranking and its own detail, nothing of another's in any answer or refusal)
 * and for the authority and the supervisors (everything). The PDF is rendered to PNG by poppler's pdftoppm into
 * {@code target/assessment-report/}; its first page is the picture kept in docs/screenshots/assessment-report.png.
 */
class AssessmentPublicationIT extends WithPublishedAssessments {

    @Autowired
    Sealing sealing;

    static final Path RENDERED = Path.of("target", "assessment-report");
    private static final int YEAR = 2021;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyDepartmentGetsTheRankingAndOnlyItsOwnDetailFromEveryAnswer() throws Exception {
        for (Map.Entry<String, String> caller : AssessmentFixture.LOGINS.entrySet()) {
            String department = caller.getKey();
            String login = caller.getValue();
            JsonNode view = api.get(login, "/api/assessments/" + YEAR).json();
            assertThat(view.path("ranking").findValuesAsText("department"))
                    .containsExactlyInAnyOrderElementsOf(AssessmentFixture.DEPARTMENTS.keySet());
            assertThat(view.path("details").findValuesAsText("department")).as(login).containsExactly(department);
            assertThat(view.path("sha256").isNull()).isTrue();

            List<String> answers = new ArrayList<>(List.of(view.toString(), text(login, "figures.csv"),
                    String.join("\n", WhatADepartmentSeesTest.cells(bytes(login, "figures.xlsx"))), pdfText(bytes(login, "report.pdf")),
                    api.get(login, "/api/assessments/" + YEAR + "/departments/" + department).body()));
            for (String other : AssessmentFixture.DEPARTMENTS.keySet()) {
                if (other.equals(department)) {
                    continue;
                }
                Api.Response refused = api.get(login, "/api/assessments/" + YEAR + "/departments/" + other);
                assertRefusedAndAudited(refused, 403, "department", "assessment-detail-own-department");
                answers.add(refused.body());
            }
            for (String answer : answers) {
                for (String other : AssessmentFixture.DEPARTMENTS.keySet()) {
                    if (!other.equals(department)) {
                        assertThat(answer).as(login + " must not see " + other).doesNotContain(AssessmentFixture.markers(YEAR, other));
                    }
                }
            }
            assertThat(answers.get(0)).contains(AssessmentFixture.markers(YEAR, department));
        }
    }

    @Test
    void theAuthorityAndTheSupervisorsGetEveryDepartmentsDetailAndTheAuditedHash() {
        String audited = jdbc.queryForObject("select details from audit_event where action = 'ASSESSMENT_PUBLISHED'"
                + " and object_id = ?", String.class, String.valueOf(YEAR));
        for (String login : List.of("authority.li", "supervisor.qian")) {
            JsonNode view = api.get(login, "/api/assessments/" + YEAR).json();
            assertThat(view.path("details")).hasSize(AssessmentFixture.DEPARTMENTS.size());
            assertThat(view.path("seesAll").asBoolean()).isTrue();
            assertThat(audited).contains(view.path("sha256").asText());
            for (String department : AssessmentFixture.DEPARTMENTS.keySet()) {
                assertThat(api.get(login, "/api/assessments/" + YEAR + "/departments/" + department).json()
                        .path("opinion").asText()).contains("OP-" + department + "-" + YEAR);
            }
        }
    }

    @Test
    void thePublishedYearsComeWithTheirRankingsForTheTrend() {
        JsonNode years = api.get("jsq.xu", "/api/assessments").json();
        List<Integer> listed = new ArrayList<>();
        years.forEach(y -> listed.add(y.path("year").asInt()));
        assertThat(listed).containsSubsequence(AssessmentFixture.YEARS).isSorted();
        JsonNode first = years.get(listed.indexOf(2019));
        assertThat(first.path("ranking")).hasSize(AssessmentFixture.DEPARTMENTS.size());
        assertThat(first.toString()).doesNotContain("figures", "OP-", "GX-2019");
    }

    /** A 404 is a problem document like every refusal; the platform audits refusals, not lookups of what is not there. */
    @Test
    void aYearNotPublishedIsNotFoundInEveryForm() {
        for (String path : List.of("", "/figures.csv", "/figures.xlsx", "/report.pdf", "/departments/civil-affairs")) {
            assertNotFound(api.get("mzj.liu", "/api/assessments/1999" + path), "1999");
        }
        assertNotFound(api.get("authority.li", "/api/assessments/" + YEAR + "/departments/nobody"), "nobody");
    }

    private static void assertNotFound(Api.Response response, String named) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("correlationId").asText()).isEqualTo(response.correlationId());
        assertThat(response.json().path("detail").asText()).contains(named);
        assertThat(response.body()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void theFiguresAsCsvAndXlsxHoldEveryFigureOfEveryDepartmentForTheAuthority() throws Exception {
        AssessmentReport report = AssessmentFixture.report(YEAR);
        List<List<String>> csv = csv(text("authority.li", "figures.csv"));
        assertThat(csv.get(0)).isEqualTo(FigureTable.HEADER);
        assertThat(csv).hasSize(1 + report.departments().size() * report.indicators().size());
        List<String> xlsx = WhatADepartmentSeesTest.cells(bytes("authority.li", "figures.xlsx"));
        assertThat(xlsx).hasSize(csv.size());
        AssessmentReport.DepartmentResult first = report.departments().get(0);
        AssessmentReport.Figure onTime = first.figures().get("requests-answered-on-time");
        assertThat(csv).anySatisfy(row -> assertThat(row).containsExactly(String.valueOf(YEAR), "1", first.department(),
                first.name(), first.score().toPlainString(), "requests-answered-on-time", "申请按时答复率", "share",
                onTime.value().toPlainString(), onTime.score().toPlainString(), String.join(" ", onTime.cases()), onTime.note()));
        assertThat(xlsx).anySatisfy(row -> assertThat(row).startsWith(YEAR + "\t1\t" + first.department() + "\t" + first.name())
                .contains("requests-answered-on-time", String.join(" ", onTime.cases())));

        List<List<String>> own = csv(text("mzj.liu", "figures.csv"));
        assertThat(own).as("a row per figure of its own, a row with rank and score of each other department")
                .hasSize(1 + report.indicators().size() + report.departments().size() - 1);
    }

    @Test
    void theReportPdfCarriesTheDepartmentsChineseNamesAndRendersToPng() throws Exception {
        byte[] pdf = bytes("authority.li", "report.pdf");
        String text = pdfText(pdf);
        assertThat(text).contains(YEAR + " 年度政务信息资源共享工作考核报告");
        assertThat(text).contains(AssessmentFixture.DEPARTMENTS.values());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1 + AssessmentFixture.DEPARTMENTS.size());
        }
        try (PDDocument own = Loader.loadPDF(bytes("mzj.liu", "report.pdf"))) {
            String ownText = new PDFTextStripper().getText(own);
            assertThat(ownText).contains(AssessmentFixture.DEPARTMENTS.values()).contains("OP-civil-affairs-" + YEAR);
        }

        Files.createDirectories(RENDERED);
        Path file = RENDERED.resolve("assessment-" + YEAR + ".pdf");
        Files.write(file, pdf);
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (!Files.isExecutable(pdftoppm) && !"required".equals(System.getenv("GOVSHARE_BROWSER_TESTS"))) {
            Assumptions.abort("no pdftoppm (apt-get install poppler-utils): the PDF is not rendered");
        }
        Process render = new ProcessBuilder(pdftoppm.toString(), "-r", "110", "-png", file.toString(),
                RENDERED.resolve("assessment-" + YEAR).toString()).redirectErrorStream(true).start();
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).as(new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        try (var pages = Files.list(RENDERED)) {
            assertThat(pages.filter(p -> p.getFileName().toString().matches("assessment-" + YEAR + "-\\d+\\.png")).count())
                    .isGreaterThanOrEqualTo(1 + AssessmentFixture.DEPARTMENTS.size());
        }
    }

    @Test
    void theIssuedReportIsSealedByTheAuthorityTheSameForEveryOfficialAndHoldsNoDepartmentsDetail() {
        String path = "/api/assessments/" + YEAR + "/issued-report.pdf";
        byte[] issued = IssuedPdfs.download(port, "mzj.liu", path);
        assertThat(IssuedPdfs.download(port, "authority.li", path)).isEqualTo(issued);

        String text = IssuedPdfs.assertIssuedByTheAuthority(sealing, issued, AssessmentPdf.title(YEAR));
        assertThat(text).contains(AssessmentFixture.DEPARTMENTS.values());
        for (String department : AssessmentFixture.DEPARTMENTS.keySet()) {
            assertThat(text).doesNotContain(AssessmentFixture.markers(YEAR, department));
        }
        assertThat(api.get("mzj.liu", "/api/assessments/1999/issued-report.pdf").status()).isEqualTo(404);
    }

    private String text(String login, String file) throws Exception {
        return new String(bytes(login, file), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String login, String file) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(api.request("/api/assessments/" + YEAR + "/" + file)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + Api.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(file + " for " + login).isEqualTo(200);
        return response.body();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<List<String>> csv(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
