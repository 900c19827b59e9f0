package org.govshare.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.govshare.platform.web.InvalidInputException;

/**
 * Splits a CSV file into records (RFC 4180: comma separator, fields in double quotes may hold commas, quotes
 * written twice and line breaks). Written here because it is small and the platform has no CSV library.
 */
final class CsvRecords {

    private final String text;
    private final List<List<String>> records = new ArrayList<>();
    private List<String> record = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int position;

    private CsvRecords(String text) {
        this.text = text;
    }

    /** The records of UTF-8 CSV bytes, a byte order mark ignored; record i is spreadsheet row i + 1. */
    static List<List<String>> parse(byte[] bytes) {
        return new CsvRecords(utf8(bytes)).records();
    }

    private static String utf8(byte[] bytes) {
        try {
            // strict, so a file saved in GBK (Excel's default "CSV" on a Chinese Windows) is refused, not garbled
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "unreadable-file",
                    "the CSV file is not UTF-8; in Excel save it as \"CSV UTF-8 (逗号分隔)\", or use the .xlsx template");
        }
    }

    private List<List<String>> records() {
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"' && field.isEmpty()) {
                quoted();
            } else if (c == ',') {
                endField();
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                endRecord();
            } else {
                // a quote inside an unquoted field is kept as written, as spreadsheet programs do
                field.append(c);
            }
        }
        // a last line without a line break still counts; a line break at the very end adds no empty record
        if (!field.isEmpty() || !record.isEmpty()) {
            endRecord();
        }
        return records;
    }

    /** Reads a quoted field up to its closing quote; text after the closing quote is appended as written. */
    private void quoted() {
        int row = records.size() + 1; // the row the quote opens in, for the message
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != '"') {
                field.append(c);
            } else if (position < text.length() && text.charAt(position) == '"') {
                field.append('"');
                position++;
            } else {
                return;
            }
        }
        throw new InvalidInputException("file", "unreadable-file",
                "row " + row + " opens a quoted value that is never closed; check the double quotes");
    }

    private void endField() {
        record.add(field.toString());
        field.setLength(0);
    }

    private void endRecord() {
        endField();
        records.add(record);
        record = new ArrayList<>();
    }
}
