package org.govshare.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;

/**
 * A department's resource catalog as a spreadsheet (docs/catalog-template.md): reads an uploaded {@code .xlsx} or
 * {@code .csv} into one {@link Row} per resource with the errors of its cells, and writes the template departments
 * fill in. A file whose header or form is wrong as a whole is refused with an {@link InvalidInputException} on
 * field {@code file}.
 */
public final class CatalogSheet {

    private CatalogSheet() {
    }

    /** The column keys of the header row, in template order. */
    public static List<String> columns() {
        return Arrays.stream(CatalogColumn.values()).map(CatalogColumn::key).toList();
    }

    /** The {@code .xlsx} template: sheet {@code catalog} with the header and an example row, and a notes sheet. */
    public static byte[] template() {
        return CatalogTemplate.write();
    }

    /**
     * Reads the first sheet of an {@code .xlsx} file or a UTF-8 {@code .csv} file, chosen by the file name.
     * Columns are found by their header key, in any order; rows with no value at all are skipped.
     *
     * @return one row per data row, in file order, each with an entry or with the errors of its cells
     * @throws InvalidInputException on field {@code file} when the type is not supported ({@code
     *         unsupported-file-type}), the file cannot be read ({@code unreadable-file}), has no data rows ({@code
     *         empty-file}), or its header lacks a required column or has one the template does not ({@code
     *         missing-column}, {@code unknown-column}, {@code duplicate-column})
     */
    public static List<Row> read(InputStream in, String fileName) {
        List<Line> lines = switch (extension(fileName)) {
            case "xlsx" -> xlsx(in);
            case "csv" -> csv(in);
            default -> throw new InvalidInputException("file", "unsupported-file-type",
                    "'" + fileName + "' is not a file the import reads; use .xlsx or .csv");
        };
        return rows(lines.stream().filter(line -> !line.blank()).toList());
    }

    /**
     * One data row of the file.
     *
     * @param rowNumber the 1-based spreadsheet row; the header is row 1, so the first data row is usually 2
     * @param entry the resource the row describes; {@code null} when there are errors
     * @param errors what is wrong with its cells; empty when the row was read
     * @param letters the column letter of each field in this file (field path of the column → letter), so that
     *                checks made after reading can point at the cell too
     */
    public record Row(int rowNumber, CatalogEntry entry, List<CellError> errors, Map<String, String> letters) {

        public Row {
            errors = List.copyOf(errors);
            letters = Map.copyOf(letters);
        }

        /** The column letter of a field path such as {@code items[2].sensitivity} or {@code legalBasis}. */
        public String letterOf(String field) {
            return letters.entrySet().stream()
                    .filter(e -> field.equals(e.getKey()) || field.startsWith(e.getKey() + "[")
                            || field.startsWith(e.getKey() + ".") || e.getKey().startsWith(field + "."))
                    .map(Map.Entry::getValue).sorted().findFirst().orElse("");
        }
    }

    /**
     * What is wrong with one cell.
     *
     * @param row the 1-based spreadsheet row
     * @param column the spreadsheet column letter of the cell in the uploaded file, e.g. {@code M}
     * @param field the {@link CatalogEntry} field path, e.g. {@code sharingType}, {@code items[1].sensitivity}
     * @param rule a stable rule name: {@code required}, {@code unknown-value}, {@code not-a-number}, {@code
     *             not-a-boolean}, {@code malformed-items} or {@code malformed-conditions}
     * @param message what is wrong and what to write instead, for a person
     */
    public record CellError(int row, String column, String field, String rule, String message) {
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static List<Row> rows(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new InvalidInputException("file", "empty-file",
                    "the file is empty; fill in the header row of the template and one row per resource");
        }
        Map<CatalogColumn, Integer> positions = positions(lines.get(0));
        List<Line> data = lines.subList(1, lines.size());
        if (data.isEmpty()) {
            throw new InvalidInputException("file", "empty-file", "the file has a header row but no data rows");
        }
        refuseValuesWithoutHeader(positions, data);
        return data.stream().map(line -> CatalogRowParser.parse(line.number(), cells(positions, line))).toList();
    }

    /** Where each column of the template is in this file; refuses a header that lacks or adds columns. */
    private static Map<CatalogColumn, Integer> positions(Line header) {
        Map<CatalogColumn, Integer> positions = new EnumMap<>(CatalogColumn.class);
        List<String> unknown = new ArrayList<>();
        List<String> duplicate = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String key = header.cell(i);
            Optional<CatalogColumn> column = key == null ? Optional.empty() : CatalogColumn.byKey(key);
            if (key != null && column.isEmpty()) {
                unknown.add(key + " (column " + letter(i) + ")");
            } else if (column.isPresent() && positions.putIfAbsent(column.get(), i) != null) {
                duplicate.add(key + " (column " + letter(i) + ")");
            }
        }
        List<String> missing = Arrays.stream(CatalogColumn.values())
                .filter(c -> c.required() && !positions.containsKey(c)).map(CatalogColumn::key).toList();
        List<FieldError> errors = new ArrayList<>();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("file", "missing-column", "the header row (row " + header.number()
                    + ") lacks the required column(s) " + String.join(", ", missing)
                    + "; copy the header row of the template"));
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("file", "unknown-column", "the template has no column(s) "
                    + String.join(", ", unknown) + "; the columns are " + String.join(", ", columns())));
        }
        if (!duplicate.isEmpty()) {
            errors.add(new FieldError("file", "duplicate-column", "the header row repeats "
                    + String.join(", ", duplicate) + "; keep one column of each"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return positions;
    }

    /** Values under an empty header would otherwise be dropped without a word. */
    private static void refuseValuesWithoutHeader(Map<CatalogColumn, Integer> positions, List<Line> data) {
        Set<Integer> known = new HashSet<>(positions.values());
        Set<Integer> orphans = new TreeSet<>();
        for (Line line : data) {
            for (int i = 0; i < line.cells().size(); i++) {
                if (!known.contains(i) && line.cell(i) != null) {
                    orphans.add(i);
                }
            }
        }
        if (!orphans.isEmpty()) {
            throw new InvalidInputException("file", "unknown-column", "column(s) "
                    + String.join(", ", orphans.stream().map(CatalogSheet::letter).toList())
                    + " have values but no header; give them a header from the template or delete them");
        }
    }

    private static CatalogRowParser.Cells cells(Map<CatalogColumn, Integer> positions, Line line) {
        return new CatalogRowParser.Cells() {
            @Override
            public String value(CatalogColumn column) {
                Integer position = positions.get(column);
                return position == null ? null : line.cell(position);
            }

            @Override
            public String letter(CatalogColumn column) {
                Integer position = positions.get(column);
                return position == null ? null : CatalogSheet.letter(position);
            }
        };
    }

    private static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }

    private static List<Line> xlsx(InputStream in) {
        try (Workbook workbook = open(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            // as the cell shows it: "01" stays "01" in a text cell; a formula gives its value as last calculated
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            List<Line> lines = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("closing the uploaded workbook failed", e);
        }
    }

    private static Workbook open(InputStream in) {
        try {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            // POI tells "this is not a workbook" by an IOException or one of several runtime exceptions, by how the
            // file is broken; for the department it is one thing
            throw new InvalidInputException("file", "unreadable-file", "the file cannot be read as an Excel"
                    + " workbook; save it from Excel or WPS as \"Excel Workbook (*.xlsx)\" and upload it again");
        }
    }

    private static List<Line> csv(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
        List<List<String>> records = CsvRecords.parse(bytes);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            lines.add(new Line(i + 1, records.get(i)));
        }
        return lines;
    }

    /** One row of the file as read: its 1-based row number and its cells, trimmed. */
    private record Line(int number, List<String> cells) {

        Line {
            cells = cells.stream().map(Line::trim).toList();
        }

        /** The trimmed value at that position, {@code null} when it is empty. */
        String cell(int index) {
            return index < cells.size() && !cells.get(index).isEmpty() ? cells.get(index) : null;
        }

        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }

        // strip() alone leaves no-break and zero-width spaces, which text pasted from web pages brings along
        private static String trim(String value) {
            int start = 0;
            int end = value.length();
            while (start < end && space(value.charAt(start))) {
                start++;
            }
            while (end > start && space(value.charAt(end - 1))) {
                end--;
            }
            return value.substring(start, end);
        }

        private static boolean space(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
        }
    }
}
