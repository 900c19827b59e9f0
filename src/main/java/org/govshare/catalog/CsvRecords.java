package org.govshare.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.govshare.platform.CsvReader;
import org.govshare.platform.web.InvalidInputException;

/**
 * Splits a whole CSV file into records, through the platform's streaming {@link CsvReader}: catalog files are
 * small (an upload is at most {@code spring.servlet.multipart.max-file-size}) and are checked as a whole.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /** The records of UTF-8 CSV bytes, a byte order mark ignored; record i is spreadsheet row i + 1. */
    static List<List<String>> parse(byte[] bytes) {
        CsvReader reader = new CsvReader(new StringReader(utf8(bytes)));
        List<List<String>> records = new ArrayList<>();
        try {
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        } catch (CsvReader.UnclosedQuoteException e) {
            throw new InvalidInputException("file", "unreadable-file",
                    "row " + e.recordNumber() + " opens a quoted value that is never closed; check the double quotes");
        } catch (IOException e) {
            throw new UncheckedIOException("reading CSV from memory", e);
        }
        return records;
    }

    private static String utf8(byte[] bytes) {
        try {
            // strict, so a file saved in GBK (Excel's default "CSV" on a Chinese Windows) is refused, not garbled
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "unreadable-file",
                    "the CSV file is not UTF-8; in Excel save it as \"CSV UTF-8 (逗号分隔)\", or use the .xlsx template");
        }
    }
}
