package org.govshare.catalog;

import static org.govshare.catalog.CatalogColumn.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the {@code .xlsx} template: sheet {@code catalog} with the header row and one example row, sheet
 * {@code 说明 Notes} with a row per column. Every catalog column is text-formatted so that Excel keeps codes such as
 * {@code 01} as typed; enum columns offer their names in a drop-down.
 */
final class CatalogTemplate {

    static final String CATALOG_SHEET = "catalog";
    static final String NOTES_SHEET = "说明 Notes";

    // rows that get the drop-downs; far beyond any department's catalog, small enough to keep the file light
    private static final int LAST_VALIDATED_ROW = 4999;

    private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** A Public Security population resource, conditionally shared: the example row. */
    private static final Map<CatalogColumn, String> EXAMPLE = example();

    private CatalogTemplate() {
    }

    private static Map<CatalogColumn, String> example() {
        Map<CatalogColumn, String> row = new EnumMap<>(CatalogColumn.class);
        row.put(CODE, "101001/101001");
        row.put(NAME, "常住人口基本信息");
        row.put(SUMMARY, "本市常住人口的身份、户籍和住址基本信息，供行政机关核验身份、核查户籍");
        row.put(PROVIDER_DEPARTMENT, "public-security");
        row.put(COLLECTING_DEPARTMENT, "public-security");
        row.put(STATUTORY_DUTY, "户口登记和居民身份证管理");
        row.put(KIND, "BASIC");
        row.put(CLASS, "1");
        row.put(ITEM, "01");
        row.put(SUB_ITEM, "001");
        row.put(FORMAT_CATEGORY, "API");
        row.put(FORMAT_TYPE, "JSON over HTTPS");
        row.put(ITEMS, "公民身份号码|string|18|PERSONAL|key ID_NUMBER; 姓名|string|50|PERSONAL|required PERSON_NAME; 出生日期|date||PERSONAL;"
                + " 户籍地址|string|200|PERSONAL; 户籍登记机关|string|100|INTERNAL");
        row.put(SHARING_TYPE, "CONDITIONAL");
        row.put(SHARING_CONDITIONS,
                "仅供因履行法定职责需要核验身份或核查户籍的行政机关使用，申请时须说明用途，按最少必要原则申请信息项");
        row.put(CONDITIONS,
                "PURPOSE_REQUIRED=户籍核查; FIELDS_LIMITED_TO=公民身份号码,姓名,户籍地址; MAX_GRANT_DAYS=365");
        row.put(LEGAL_BASIS_LAW, "《中华人民共和国居民身份证法》");
        row.put(LEGAL_BASIS_ARTICLE, "第十九条");
        row.put(SHARING_METHOD, "PROVIDER_SERVICE");
        row.put(OPEN_TO_PUBLIC, "false");
        row.put(UPDATE_CYCLE, "DAILY");
        row.put(RELATED_CODES, "101002/101002");
        return row;
    }

    static byte[] write() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // POI stamps a new package with the time of day; the template should be the same file every time
            workbook.getProperties().getCoreProperties().setCreated(Optional.empty());
            workbook.getProperties().getCoreProperties().setCreator("GovShare");
            Styles styles = new Styles(workbook);
            catalogSheet(workbook.createSheet(CATALOG_SHEET), styles);
            notesSheet(workbook.createSheet(NOTES_SHEET), styles);
            workbook.write(out);
            return withFixedEntryTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the catalog template in memory failed", e);
        }
    }

    /**
     * The same zip with every entry dated 1980-01-01 00:00 (the earliest zip date): POI dates the entries with the
     * time of writing, which would make each download and docs/catalog-template.xlsx a different file.
     */
    private static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rezipped = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry fixed = new ZipEntry(entry.getName());
                fixed.setTimeLocal(ZIP_EPOCH);
                rezipped.putNextEntry(fixed);
                in.transferTo(rezipped);
                rezipped.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void catalogSheet(Sheet sheet, Styles styles) {
        Row header = sheet.createRow(0);
        Row example = sheet.createRow(1);
        for (CatalogColumn column : CatalogColumn.values()) {
            int i = column.ordinal();
            sheet.setDefaultColumnStyle(i, styles.text);
            sheet.setColumnWidth(i, width(column));
            text(header, i, column.key(), styles.header);
            if (EXAMPLE.containsKey(column)) {
                text(example, i, EXAMPLE.get(column), styles.text);
            }
            column.choices().ifPresent(type -> dropDown(sheet, i, CatalogColumn.namesOf(type)));
        }
        dropDown(sheet, OPEN_TO_PUBLIC.ordinal(), "true, false, 是, 否");
        sheet.createFreezePane(0, 1);
    }

    private static int width(CatalogColumn column) {
        int characters = switch (column) {
            case CLASS, ITEM, SUB_ITEM -> 9;
            case ITEMS, SUMMARY, SHARING_CONDITIONS, CONDITIONS -> 50;
            default -> Math.max(16, column.key().length() + 4);
        };
        return characters * 256;
    }

    private static void dropDown(Sheet sheet, int column, String names) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(names.split(", ")),
                new CellRangeAddressList(1, LAST_VALIDATED_ROW, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox("GovShare", "use one of " + names);
        sheet.addValidationData(validation);
    }

    private static void notesSheet(Sheet sheet, Styles styles) {
        List<String> headings = List.of("key", "中文说明", "English description", "required", "allowed values");
        Row header = sheet.createRow(0);
        for (int i = 0; i < headings.size(); i++) {
            text(header, i, headings.get(i), styles.header);
        }
        for (CatalogColumn column : CatalogColumn.values()) {
            Row row = sheet.createRow(column.ordinal() + 1);
            text(row, 0, column.key(), styles.wrapped);
            text(row, 1, column.descriptionZh(), styles.wrapped);
            text(row, 2, column.descriptionEn(), styles.wrapped);
            text(row, 3, column.required() ? "yes" : "no", styles.wrapped);
            text(row, 4, column.allowed(), styles.wrapped);
        }
        int[] widths = {22, 50, 60, 10, 60};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The few cell styles the template uses; a workbook holds a limited number, so they are made once. */
    private static final class Styles {

        final CellStyle text;
        final CellStyle header;
        final CellStyle wrapped;

        Styles(XSSFWorkbook workbook) {
            short textFormat = workbook.createDataFormat().getFormat("@");
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setDataFormat(textFormat);
            header.setFont(bold);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        }
    }
}
