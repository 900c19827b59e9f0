package org.govshare.assessment.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The figures of a view as CSV (UTF-8 with a byte order mark, so Excel reads the Chinese) and as an .xlsx workbook. */
final class FigureFiles {

    static final String SHEET = "考核指标 figures";
    private static final char BOM = '\uFEFF';
    // a cell a spreadsheet would run as a formula: the opinion, a note or a name is typed by people
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private FigureFiles() {
    }

    static String csv(AssessmentView view) {
        StringBuilder out = new StringBuilder().append(BOM);
        line(out, FigureTable.HEADER);
        FigureTable.rows(view).forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        out.append(cells.stream().map(FigureFiles::csvCell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (value instanceof String) {
            text = defused(text);
        }
        return text.matches("[^\",\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }

    static byte[] xlsx(AssessmentView view) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.empty());
            workbook.getProperties().getCoreProperties().setCreator("GovShare");
            workbook.getProperties().getCoreProperties().setTitle(view.year() + " 年度共享工作考核 Assessment");
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row first = sheet.createRow(0);
            for (int i = 0; i < FigureTable.HEADER.size(); i++) {
                first.createCell(i).setCellValue(FigureTable.HEADER.get(i));
                first.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, 18 * 256);
            }
            sheet.createFreezePane(0, 1);
            List<List<Object>> rows = FigureTable.rows(view);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    Object value = rows.get(r).get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        // POI writes a string cell as text, never as a formula: no defusing needed here
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the assessment workbook in memory failed", e);
        }
    }

    /** A text a spreadsheet would take for a formula, with a quote before it so it stays text. */
    private static String defused(String text) {
        return FORMULA.matcher(text).matches() ? "'" + text : text;
    }
}
