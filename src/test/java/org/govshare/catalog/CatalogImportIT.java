package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govshare.rules.TestPacks;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A department's catalog as a spreadsheet: all or nothing, with a row-by-row report of what is wrong. */
class CatalogImportIT extends IntegrationTest {

    private static final String HEADER = String.join(",", CatalogSheet.columns());

    /** A Market Supervision row (range 103), in the template's column order. */
    private static String row(String code, String sharingType, String itemSensitivity, String provider) {
        return String.join(",", code, "企业登记信息 " + code, "Registered enterprises", provider, provider,
                "市场主体登记 (市场主体登记管理条例)", "PROFESSIONAL", "1", "03", "001", "STRUCTURED_TABLE", "table",
                "统一社会信用代码|string|18|PUBLIC|key; 企业名称|string|200|" + itemSensitivity, sharingType,
                "\"用于监管, 核验\"", "", "", "", "HOSTED_DATASET", "否", "", "MONTHLY", "");
    }

    private long submissions() {
        return jdbc.queryForObject("select count(*) from catalog_submission", Long.class);
    }

    /** The import of a pack whose submissions carry no assessment reports (the national pack's carry them). */
    private static void importTakesRows() {
        org.junit.jupiter.api.Assumptions.assumeFalse(CatalogEntries.assessed(),
                "the pack in force asks every submission for its assessment reports, which a spreadsheet cannot carry");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithARowByRowReportThenTheCorrectedFileIsImported() throws IOException {
        importTakesRows();
        long before = submissions();
        String bad = String.join("\n", HEADER,
                row("103001/103001", "CONDITIONAL", "PUBLIC", "market-supervision"),
                row("103001/103002", "SOMETIMES", "PUBLIC", "market-supervision"),
                row("103001/103001", "CONDITIONAL", "PUBLIC", "market-supervision"),
                row("103001/103004", "UNCONDITIONAL", "STATE_SECRET", "market-supervision"),
                row("103001/101005", "CONDITIONAL", "PUBLIC", "public-security")) + "\n";

        Response refused = api.postFile("scj.huang", "/api/catalog/imports", "market.csv", bad.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode errors = refused.json().path("errors");
        assertThat(errors).anySatisfy(e -> assertError(e, 3, "N", "sharingType", "unknown-value"));
        assertThat(errors).anySatisfy(e -> assertError(e, 4, "A", "code", "code-unique-in-file"));
        assertThat(errors).anySatisfy(e -> assertError(e, 5, "M", "items[1].sensitivity",
                TestPacks.cited("catalog", "A state secret never stands in an unconditional resource")));
        assertThat(errors).anySatisfy(e -> assertError(e, 6, "D", "providerDepartment", "provider-is-importer"));
        assertThat(errors.findValuesAsText("row")).doesNotContain("2");
        assertThat(submissions()).as("nothing stored").isEqualTo(before);
        assertThat(auditEventsOf(refused.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "INPUT_REJECTED").containsEntry("actor", "scj.huang"));

        byte[] good = xlsx(List.of(row("103001/103001", "CONDITIONAL", "PUBLIC", "market-supervision"),
                row("103001/103002", "UNCONDITIONAL", "COMMERCIAL_SECRET", "market-supervision")));
        Response imported = api.postFile("scj.huang", "/api/catalog/imports", "market.xlsx", good);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode submitted = imported.json().path("submissions");
        assertThat(List.of(submitted.get(0).path("code").asText(), submitted.get(1).path("code").asText()))
                .containsExactly("103001/103001", "103001/103002");
        assertThat(List.of(submitted.get(0).path("status").asText(), submitted.get(1).path("status").asText()))
                .containsOnly("IN_REVIEW");
        assertThat(imported.json().path("submissions").get(1).path("findings").findValuesAsText("rule"))
                .contains("A commercial secret in an unconditional resource is shown to the reviewer");
        assertThat(submissions()).isEqualTo(before + 2);
        assertThat(api.get("authority.li", "/api/departments/sharing-authority/tasks").json().findValuesAsText("name"))
                .contains("审核目录 Review catalog entry");
    }

    @Test
    void anUnsupportedFileAndAMissingColumnAreNamed() {
        importTakesRows();
        Response pdf = api.postFile("scj.huang", "/api/catalog/imports", "catalog.pdf", new byte[] {1, 2, 3});
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.json().path("errors").get(0).path("rule").asText()).isEqualTo("unsupported-file-type");

        Response missing = api.postFile("scj.huang", "/api/catalog/imports", "catalog.csv",
                "code,name\n103001/103009,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("rule").asText()).isEqualTo("missing-column");
    }

    @Test
    void underAPackAskingForAssessmentReportsTheImportIsRefusedPointingToOneByOneSubmissions() {
        org.junit.jupiter.api.Assumptions.assumeTrue(CatalogEntries.assessed(), "the pack in force asks for no assessments");
        long before = submissions();
        Response refused = api.postFile("scj.huang", "/api/catalog/imports", "market.csv",
                (HEADER + "\n" + row("103001/103011", "CONDITIONAL", "PUBLIC", "market-supervision")).getBytes(StandardCharsets.UTF_8));
        assertRefusedAndAudited(refused, 409, "file", "assessments-per-submission");
        assertThat(refused.body()).contains("/api/catalog/submissions");
        assertThat(submissions()).isEqualTo(before);
    }

    @Test
    void onlyTheDepartmentsCatalogKeepersImportAndTheTemplateIsServed() {
        assertThat(api.postFile("scj.yang", "/api/catalog/imports", "market.csv",
                (HEADER + "\n" + row("103001/103010", "CONDITIONAL", "PUBLIC", "market-supervision")).getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(403);
        Response template = api.get("scj.yang", "/api/catalog/imports/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).contains("spreadsheetml");
    }

    private static void assertError(JsonNode error, int row, String column, String field, String rule) {
        assertThat(error.path("row").asInt()).isEqualTo(row);
        assertThat(error.path("column").asText()).isEqualTo(column);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("rule").asText()).isEqualTo(rule);
    }

    /** The rows as an .xlsx workbook with the template's header, all cells as text. */
    private static byte[] xlsx(List<String> csvRows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("catalog");
            List<String> header = CatalogSheet.columns();
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < csvRows.size(); r++) {
                String[] cells = csvRows.get(r).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i].replace("\"", ""));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
