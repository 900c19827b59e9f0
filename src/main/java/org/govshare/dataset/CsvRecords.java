package org.govshare.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.platform.CsvReader;

/**
 * A CSV push: a header row of item names, then one record per row; an empty value is no value. Rows are numbered
 * by their line, as an editor shows them, so the header is line 1.
 */
final class CsvRecords implements PushedRecords {

    private final CsvReader csv;
    private final RecordSchema schema;
    private final PushErrors errors;
    private int[] columns;

    CsvRecords(Reader body, RecordSchema schema, PushErrors errors) {
        this.csv = new CsvReader(body);
        this.schema = schema;
        this.errors = errors;
    }

    @Override
    public long row() {
        return csv.readingLine();
    }

    @Override
    public Raw next() throws IOException {
        try {
            if (columns == null && !header()) {
                return null;
            }
            List<String> fields = csv.next();
            while (fields != null && fields.size() == 1 && fields.get(0).isEmpty()) {
                fields = csv.next(); // blank lines, often at the end of a file, hold no record
            }
            return fields == null ? null : record(fields);
        } catch (CsvReader.UnclosedQuoteException e) {
            throw new Unreadable(e.line(), "malformed-csv", e.getMessage());
        }
    }

    /** Reads the header: each column names an item; the items it leaves out are empty in every record. */
    private boolean header() throws IOException {
        List<String> names = csv.next();
        if (names == null) {
            return false;
        }
        columns = new int[names.size()];
        boolean[] present = new boolean[schema.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c).trim();
            int position = schema.position(name);
            columns[c] = position;
            if (position < 0) {
                errors.add(csv.line(), name, "unknown-item", "column " + (c + 1) + " '" + name
                        + "' is not a data item of this resource; its items: " + schema.names());
            } else if (present[position]) {
                columns[c] = -1;
                errors.add(csv.line(), name, "duplicate-item", "the header names '" + name + "' twice");
            } else {
                present[position] = true;
            }
        }
        for (int i = 0; i < schema.size(); i++) {
            DataItem item = schema.item(i);
            if (!present[i] && item.isRequired()) {
                errors.add(csv.line(), item.name(), "required", "the header has no column " + item.name()
                        + ", which every record needs" + (item.isKey() ? " (it is part of the key)" : ""));
            }
        }
        return true;
    }

    private Raw record(List<String> fields) {
        Object[] values = new Object[schema.size()];
        boolean broken = false;
        if (fields.size() != columns.length) {
            errors.add(csv.line(), "body", "columns", "row has " + fields.size() + " values; the header has "
                    + columns.length + " columns");
            broken = true;
        }
        for (int c = 0; c < Math.min(fields.size(), columns.length); c++) {
            if (columns[c] >= 0) {
                values[columns[c]] = fields.get(c);
            }
        }
        // a required column missing from the header was reported once there, not on every row
        for (int i = 0; i < schema.size(); i++) {
            if (values[i] == null && schema.item(i).isRequired() && !inHeader(i)) {
                broken = true;
                values[i] = ABSENT_COLUMN;
            }
        }
        return new Raw(csv.line(), values, broken);
    }

    private boolean inHeader(int position) {
        for (int column : columns) {
            if (column == position) {
                return true;
            }
        }
        return false;
    }
}
