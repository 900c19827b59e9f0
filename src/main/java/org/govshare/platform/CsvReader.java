package org.govshare.platform;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV one record at a time (RFC 4180: comma separator, fields in double quotes may hold commas, quotes
 * written twice and line breaks), so a file of any size needs the memory of one record only. Written here because
 * it is small and the platform has no CSV library. A byte order mark at the start is skipped.
 */
public final class CsvReader {

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int length;
    private int position;
    private boolean started;
    private long line = 1;
    private long recordLine;
    private long recordNumber;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /**
     * The next record's fields, or null at the end. Every line break outside quotes ends a record (an empty line
     * is one empty field); a line break at the very end adds no record.
     *
     * @throws UnclosedQuoteException when a quoted value runs to the end of the text
     */
    public List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        recordLine = line;
        recordNumber++;
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (c >= 0) {
            if (c == '"' && field.isEmpty()) {
                quoted(field);
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                lineBreak(c);
                break;
            } else {
                // a quote inside an unquoted field is kept as written, as spreadsheet programs do
                field.append((char) c);
            }
            c = read();
        }
        record.add(field.toString());
        return record;
    }

    /** The line (1-based) on which the record last returned starts, as a text editor counts them. */
    public long line() {
        return recordLine;
    }

    /** The line (1-based) reading has reached: where a failure to read (bad bytes, say) was met. */
    public long readingLine() {
        return line;
    }

    /** The number (1-based) of the record last returned; it differs from its line when quoted values span lines. */
    public long recordNumber() {
        return recordNumber;
    }

    /** Reads a quoted field up to its closing quote; text after the closing quote is appended as written. */
    private void quoted(StringBuilder field) throws IOException {
        for (int c = read(); c >= 0; c = read()) {
            if (c != '"') {
                if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    line++;
                }
                field.append((char) c);
            } else if (peek() == '"') {
                field.append('"');
                position++;
            } else {
                return;
            }
        }
        throw new UnclosedQuoteException(recordNumber, recordLine);
    }

    private void lineBreak(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == length) {
            length = in.read(buffer, 0, buffer.length);
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
            if (!started) {
                started = true;
                if (buffer[0] == '\uFEFF') {
                    position = 1;
                    return peek();
                }
            }
        }
        return buffer[position];
    }

    /** A quoted value that is never closed: the rest of the text would be one value. */
    public static final class UnclosedQuoteException extends IOException {

        private final long recordNumber;
        private final long line;

        UnclosedQuoteException(long recordNumber, long line) {
            super("the record on line " + line + " opens a quoted value that is never closed; check the double quotes");
            this.recordNumber = recordNumber;
            this.line = line;
        }

        public long recordNumber() {
            return recordNumber;
        }

        public long line() {
            return line;
        }
    }
}
