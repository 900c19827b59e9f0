package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.govshare.catalog.CatalogEntry.Classification;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.CatalogEntry.Format;
import org.govshare.catalog.CatalogEntry.LegalBasis;
import org.govshare.catalog.CatalogEntry.SharingCondition;
import org.govshare.catalog.CatalogSheet.CellError;
import org.govshare.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

class CatalogSheetTest {

    private static final CatalogEntry TEMPLATE_EXAMPLE = new CatalogEntry("101001/101001", "常住人口基本信息",
            "本市常住人口的身份、户籍和住址基本信息，供行政机关核验身份、核查户籍", "public-security", "public-security",
            "户口登记和居民身份证管理", ResourceKind.BASIC, new Classification("1", "01", "001"),
            new Format(FormatCategory.API, "JSON over HTTPS"),
            List.of(new DataItem("公民身份号码", "string", 18, Sensitivity.PERSONAL, true, null, ItemKind.ID_NUMBER),
                    new DataItem("姓名", "string", 50, Sensitivity.PERSONAL, null, true, ItemKind.PERSON_NAME),
                    new DataItem("出生日期", "date", null, Sensitivity.PERSONAL),
                    new DataItem("户籍地址", "string", 200, Sensitivity.PERSONAL),
                    new DataItem("户籍登记机关", "string", 100, Sensitivity.INTERNAL)),
            SharingType.CONDITIONAL,
            "仅供因履行法定职责需要核验身份或核查户籍的行政机关使用，申请时须说明用途，按最少必要原则申请信息项",
            List.of(new SharingCondition(ConditionType.PURPOSE_REQUIRED, "户籍核查"),
                    new SharingCondition(ConditionType.FIELDS_LIMITED_TO, "公民身份号码,姓名,户籍地址"),
                    new SharingCondition(ConditionType.MAX_GRANT_DAYS, "365")),
            new LegalBasis("《中华人民共和国居民身份证法》", "第十九条"), SharingMethod.PROVIDER_SERVICE, false, null,
            UpdateCycle.DAILY, null, List.of("101002/101002"), null, null);

    // ---- the template

    @Test
    void theTemplateReadsBackAsItsExampleRow() {
        List<CatalogSheet.Row> rows = read(CatalogSheet.template(), "catalog-template.xlsx");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.errors()).isEmpty();
            assertThat(row.entry()).isEqualTo(TEMPLATE_EXAMPLE);
        });
    }

    @Test
    void theTemplateHasABoldFrozenTextFormattedHeaderAndANoteForEveryColumn() throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(CatalogSheet.template()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet catalog = workbook.getSheetAt(0);
            assertThat(catalog.getSheetName()).isEqualTo("catalog");
            assertThat(texts(catalog.getRow(0))).isEqualTo(CatalogSheet.columns());
            assertThat(workbook.getFontAt(catalog.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(catalog.getPaneInformation().isFreezePane()).isTrue();
            assertThat(catalog.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            for (String key : List.of("class", "item", "sub_item")) {
                int column = CatalogSheet.columns().indexOf(key);
                assertThat(catalog.getColumnStyle(column).getDataFormatString()).as(key).isEqualTo("@");
                assertThat(catalog.getRow(1).getCell(column).getCellStyle().getDataFormatString()).isEqualTo("@");
            }
            assertThat(catalog.getDataValidations()).isNotEmpty();

            Sheet notes = workbook.getSheetAt(1);
            assertThat(notes.getSheetName()).isEqualTo("说明 Notes");
            assertThat(texts(notes.getRow(0)))
                    .containsExactly("key", "中文说明", "English description", "required", "allowed values");
            assertThat(notes.getLastRowNum()).isEqualTo(CatalogSheet.columns().size());
            assertThat(texts(notes.getRow(14))).containsSubsequence("sharing_type", "yes",
                    "UNCONDITIONAL, CONDITIONAL, NON_SHARING");
            assertThat(texts(notes.getRow(15)).get(3)).isEqualTo("no");
        }
    }

    @Test
    void theTemplateIsTheSameFileEveryTime() {
        assertThat(CatalogSheet.template()).isEqualTo(CatalogSheet.template());
    }

    @Test
    void theTemplateInDocsIsTheCurrentOne() throws IOException {
        byte[] template = CatalogSheet.template();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "catalog-template.xlsx"), template);

        Path documented = Path.of("docs", "catalog-template.xlsx");
        try (InputStream in = Files.newInputStream(documented); Workbook docs = new XSSFWorkbook(in)) {
            assertThat(texts(docs.getSheetAt(0).getRow(0))).isEqualTo(CatalogSheet.columns());
            assertThat(allTexts(docs))
                    .as("docs/catalog-template.xlsx is out of date; copy target/catalog-template.xlsx over it")
                    .isEqualTo(allTexts(new XSSFWorkbook(new ByteArrayInputStream(template))));
        }
    }

    // ---- CSV

    @Test
    void aCsvRowIsReadIntoAnEntry() {
        Map<String, String> row = good();
        row.put("sharing_type", "conditional");
        row.put("open_to_public", "是");
        row.put("related_codes", "101002/101002, 101003/101003,");

        CatalogSheet.Row read = single(csv(List.of(row)));

        assertThat(read.errors()).isEmpty();
        CatalogEntry entry = read.entry();
        assertThat(entry.sharingType()).isEqualTo(SharingType.CONDITIONAL);
        assertThat(entry.openToPublic()).isTrue();
        assertThat(entry.classification()).isEqualTo(new Classification("2", "01", "003"));
        assertThat(entry.relatedCodes()).containsExactly("101002/101002", "101003/101003");
        assertThat(entry.legalBasis()).isNull();
        assertThat(entry.conditions()).isEmpty();
        assertThat(entry.sharingConditions()).isNull();
        assertThat(entry.tier()).isNull();
        assertThat(entry.regionCode()).isNull();
        assertThat(entry.publishDate()).isNull();
    }

    @Test
    void errorsNameTheRowTheColumnLetterTheFieldAndTheRule() {
        Map<String, String> bad = good();
        bad.put("name", "  ");
        bad.put("kind", "BASE");
        bad.put("items", "姓名|string|50|PERSONAL; 住址|string|200|PRIVATE");
        bad.put("sharing_type", "");
        bad.put("open_to_public", "maybe");
        bad.put("update_cycle", "每日");
        Map<String, String> blank = new LinkedHashMap<>();
        CatalogSheet.columns().forEach(key -> blank.put(key, " "));

        List<CatalogSheet.Row> rows = csv(List.of(good(), blank, bad, good()));

        assertThat(rows).extracting(CatalogSheet.Row::rowNumber).containsExactly(2, 4, 5);
        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(2).errors()).isEmpty();
        CatalogSheet.Row failed = rows.get(1);
        assertThat(failed.entry()).isNull();
        assertThat(failed.errors())
                .extracting(CellError::row, CellError::column, CellError::field, CellError::rule)
                .containsExactly(
                        tuple(4, "B", "name", "required"),
                        tuple(4, "G", "kind", "unknown-value"),
                        tuple(4, "M", "items[1].sensitivity", "unknown-value"),
                        tuple(4, "N", "sharingType", "required"),
                        tuple(4, "T", "openToPublic", "not-a-boolean"),
                        tuple(4, "V", "updateCycle", "unknown-value"));
        assertThat(failed.errors().get(1).message()).contains("BASE", "BASIC, THEMATIC, PROFESSIONAL");
        assertThat(failed.errors().get(2).message()).contains("PRIVATE", "PERSONAL");
    }

    @Test
    void columnsMayComeInAnyOrderAndLettersFollowTheFile() {
        List<String> keys = new ArrayList<>(CatalogSheet.columns());
        keys.remove("sharing_type");
        keys.add(0, "sharing_type");
        keys.remove("open_conditions");
        Map<String, String> row = good();
        row.put("sharing_type", "SOMETIMES");

        CatalogSheet.Row read = single(csv(keys, List.of(row)));

        assertThat(read.errors()).extracting(CellError::column, CellError::field, CellError::rule)
                .containsExactly(tuple("A", "sharingType", "unknown-value"));
    }

    @Test
    void quotedValuesMayHoldCommasQuotesAndLineBreaks() {
        String text = "\uFEFF" + String.join(",", CatalogSheet.columns()) + "\r\n"
                + line(good(), Map.of("summary", "\"人口, 户籍\r\n和\"\"住址\"\"\"")) + "\r\n"
                + line(good(), Map.of("name", "\"第二条\"")) + "\r\n";

        List<CatalogSheet.Row> rows = CatalogSheet.read(stream(text.getBytes(StandardCharsets.UTF_8)), "c.CSV");

        assertThat(rows).extracting(CatalogSheet.Row::rowNumber).containsExactly(2, 3);
        assertThat(rows.get(0).entry().summary()).isEqualTo("人口, 户籍\r\n和\"住址\"");
        assertThat(rows.get(1).entry().name()).isEqualTo("第二条");
        assertThat(rows.get(0).entry().code()).isEqualTo("201003/101007");
    }

    @Test
    void aCsvThatIsNotUtf8OrLeavesAQuoteOpenIsUnreadable() {
        String text = String.join(",", CatalogSheet.columns()) + "\n" + line(good(), Map.of());
        assertRefused(() -> CatalogSheet.read(stream(text.getBytes(Charset.forName("GBK"))), "c.csv"),
                "unreadable-file", "UTF-8");
        String open = String.join(",", CatalogSheet.columns()) + "\n" + line(good(), Map.of("related_codes", "\"101002/101002"));
        assertRefused(() -> CatalogSheet.read(stream(open.getBytes(StandardCharsets.UTF_8)), "c.csv"),
                "unreadable-file", "row 2");
    }

    // ---- the file as a whole

    @Test
    void aHeaderWithoutARequiredColumnIsRefused() {
        List<String> keys = new ArrayList<>(CatalogSheet.columns());
        keys.removeAll(List.of("items", "sharing_type", "conditions"));

        assertRefused(() -> csv(keys, List.of(good())), "missing-column", "items, sharing_type");
    }

    @Test
    void aColumnTheTemplateDoesNotHaveIsRefused() {
        List<String> keys = new ArrayList<>(CatalogSheet.columns());
        keys.add("remarks");
        assertRefused(() -> csv(keys, List.of(good())), "unknown-column", "remarks (column X)");

        List<String> twice = new ArrayList<>(CatalogSheet.columns());
        twice.add("NAME");
        assertRefused(() -> csv(twice, List.of(good())), "duplicate-column", "NAME (column X)");

        String headerless = String.join(",", CatalogSheet.columns()) + "\n" + line(good(), Map.of()) + ",,stray";
        assertRefused(() -> CatalogSheet.read(stream(headerless.getBytes(StandardCharsets.UTF_8)), "c.csv"),
                "unknown-column", "Y");
    }

    @Test
    void onlyXlsxAndCsvAreRead() {
        for (String name : new String[] {"catalog.xls", "catalog.ods", "catalog", null}) {
            assertRefused(() -> CatalogSheet.read(stream(new byte[0]), name),
                    "unsupported-file-type", ".xlsx or .csv");
        }
    }

    @Test
    void aFileWithoutDataRowsIsRefused() {
        assertRefused(() -> CatalogSheet.read(stream(new byte[0]), "c.csv"), "empty-file", "empty");
        byte[] headerOnly = (String.join(",", CatalogSheet.columns()) + "\n,,,\n").getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> CatalogSheet.read(stream(headerOnly), "c.csv"), "empty-file", "no data");
    }

    @Test
    void aFileThatIsNoWorkbookIsUnreadable() {
        assertRefused(() -> CatalogSheet.read(stream("code,name".getBytes(StandardCharsets.UTF_8)), "c.xlsx"),
                "unreadable-file", ".xlsx");
    }

    // ---- xlsx cells

    @Test
    void xlsxCellsAreReadAsTheyShow() throws IOException {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("mine");
            Row header = sheet.createRow(0);
            Row data = sheet.createRow(3);
            List<String> keys = CatalogSheet.columns();
            Map<String, String> good = good();
            for (int i = 0; i < keys.size(); i++) {
                header.createCell(i).setCellValue(keys.get(i));
                data.createCell(i).setCellValue(good.get(keys.get(i)));
            }
            data.getCell(keys.indexOf("class")).setCellValue(2);
            data.getCell(keys.indexOf("open_to_public")).setCellValue(true);
            data.getCell(keys.indexOf("name")).setCellValue("\u00A0人口信息\u3000");
            workbook.write(out);
            file = out.toByteArray();
        }

        CatalogSheet.Row read = single(read(file, "mine.XLSX"));

        assertThat(read.rowNumber()).isEqualTo(4);
        assertThat(read.errors()).isEmpty();
        assertThat(read.entry().classification()).isEqualTo(new Classification("2", "01", "003"));
        assertThat(read.entry().openToPublic()).isTrue();
        assertThat(read.entry().name()).isEqualTo("人口信息");
    }

    // ---- the mini-formats

    @Test
    void itemsAreNameTypeLengthSensitivityAndTakeFullWidthSeparators() {
        Map<String, String> row = good();
        row.put("items", "公民身份号码|string|18|personal; 出生日期|date||PERSONAL；单位｜string｜100｜PUBLIC;");

        assertThat(single(csv(List.of(row))).entry().items()).containsExactly(
                new DataItem("公民身份号码", "string", 18, Sensitivity.PERSONAL),
                new DataItem("出生日期", "date", null, Sensitivity.PERSONAL),
                new DataItem("单位", "string", 100, Sensitivity.PUBLIC));
    }

    @Test
    void malformedItemsAreNamedByTheirIndex() {
        assertThat(itemErrors("姓名|string|50|PERSONAL; 住址|string|200"))
                .containsExactly(tuple("M", "items[1]", "malformed-items"));
        assertThat(itemErrors("姓名|string|50|PERSONAL; 住址|string|long|PERSONAL; 性别|string|0|PERSONAL"))
                .containsExactly(tuple("M", "items[1].length", "not-a-number"),
                        tuple("M", "items[2].length", "not-a-number"));
        assertThat(itemErrors("|string|50|"))
                .containsExactly(tuple("M", "items[0].name", "required"), tuple("M", "items[0].sensitivity", "required"));
        assertThat(itemErrors(" ; ;")).containsExactly(tuple("M", "items", "malformed-items"));
    }

    @Test
    void conditionsAreTypeEqualsValue() {
        Map<String, String> row = good();
        row.put("conditions", "purpose_required=户籍核查; REQUESTER_TIER=municipal; REQUESTER_DEPARTMENTS=civil-affairs,"
                + "human-resources; MAX_GRANT_DAYS = 365;");

        assertThat(single(csv(List.of(row))).entry().conditions()).containsExactly(
                new SharingCondition(ConditionType.PURPOSE_REQUIRED, "户籍核查"),
                new SharingCondition(ConditionType.REQUESTER_TIER, "MUNICIPAL"),
                new SharingCondition(ConditionType.REQUESTER_DEPARTMENTS, "civil-affairs,human-resources"),
                new SharingCondition(ConditionType.MAX_GRANT_DAYS, "365"));
    }

    @Test
    void malformedConditionsAreNamedByTheirIndex() {
        Map<String, String> row = good();
        row.put("conditions", "PURPOSE_REQUIRED 户籍核查; ONLY_ON_MONDAYS=yes; MAX_GRANT_DAYS=a year; "
                + "REQUESTER_TIER=PROVINCIAL; FIELDS_LIMITED_TO=");

        assertThat(single(csv(List.of(row))).errors())
                .extracting(CellError::column, CellError::field, CellError::rule)
                .containsExactly(
                        tuple("P", "conditions[0]", "malformed-conditions"),
                        tuple("P", "conditions[1].type", "unknown-value"),
                        tuple("P", "conditions[2].value", "not-a-number"),
                        tuple("P", "conditions[3].value", "unknown-value"),
                        tuple("P", "conditions[4].value", "required"));
    }

    @Test
    void theLegalBasisIsReadWhenEitherPartIsGiven() {
        Map<String, String> row = good();
        row.put("legal_basis_law", "《中华人民共和国统计法》");

        assertThat(single(csv(List.of(row))).entry().legalBasis())
                .isEqualTo(new LegalBasis("《中华人民共和国统计法》", null));
    }

    // ---- helpers

    /** A row without errors, keyed by column. */
    private static Map<String, String> good() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("code", "201003/101007");
        row.put("name", "企业登记信息");
        row.put("summary", "企业的登记事项");
        row.put("provider_department", "market-regulation");
        row.put("collecting_department", "market-regulation");
        row.put("statutory_duty", "市场主体登记");
        row.put("kind", "BASIC");
        row.put("class", "2");
        row.put("item", "01");
        row.put("sub_item", "003");
        row.put("format_category", "STRUCTURED_TABLE");
        row.put("format_type", "xlsx");
        row.put("items", "统一社会信用代码|string|18|PUBLIC|key");
        row.put("sharing_type", "UNCONDITIONAL");
        row.put("sharing_method", "HOSTED_DATASET");
        row.put("update_cycle", "DAILY");
        return row;
    }

    /** The column, field and rule of each error of a row with these items. */
    private static List<Tuple> itemErrors(String items) {
        Map<String, String> row = good();
        row.put("items", items);
        return single(csv(List.of(row))).errors().stream().map(e -> tuple(e.column(), e.field(), e.rule())).toList();
    }

    private static List<CatalogSheet.Row> csv(List<Map<String, String>> rows) {
        return csv(CatalogSheet.columns(), rows);
    }

    private static List<CatalogSheet.Row> csv(List<String> keys, List<Map<String, String>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", keys)).append("\r\n");
        for (Map<String, String> row : rows) {
            text.append(keys.stream().map(k -> quoted(row.getOrDefault(k, ""))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return CatalogSheet.read(stream(text.toString().getBytes(StandardCharsets.UTF_8)), "catalog.csv");
    }

    /** One CSV line of the row in template order, with some values written raw (already quoted). */
    private static String line(Map<String, String> row, Map<String, String> raw) {
        return CatalogSheet.columns().stream()
                .map(k -> raw.containsKey(k) ? raw.get(k) : quoted(row.getOrDefault(k, "")))
                .collect(Collectors.joining(","));
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static List<CatalogSheet.Row> read(byte[] file, String name) {
        return CatalogSheet.read(stream(file), name);
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static CatalogSheet.Row single(List<CatalogSheet.Row> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static void assertRefused(ThrowingCallable call, String rule, String inMessage) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).anySatisfy(error -> {
                    assertThat(error).extracting(InvalidInputException.InputError::field, InvalidInputException.InputError::rule).containsExactly("file", rule);
                    assertThat(error.message()).contains(inMessage);
                }));
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(formatter.formatCellValue(cell)));
        return texts;
    }

    private static List<List<String>> allTexts(Workbook workbook) {
        List<List<String>> texts = new ArrayList<>();
        workbook.forEach(sheet -> {
            texts.add(List.of(sheet.getSheetName()));
            sheet.forEach(row -> texts.add(texts(row)));
        });
        return texts;
    }
}
