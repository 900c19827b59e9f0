package org.govshare.platform;

import static org.govshare.platform.FormValues.blank;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.PayloadTooLargeException;
import org.springframework.util.unit.DataSize;

/**
 * A file attached as evidence (to an error report, to a complaint), as uploaded: its name, the media type the client
 * declared, its bytes. One check for every feature that takes evidence, so a file one accepts the other does too.
 */
public record EvidenceFile(String name, String type, byte[] content) {

    /** What is kept of a checked file besides its bytes. */
    public record Checked(String name, String type, long size) {
    }

    /**
     * Checks the file: not empty, at most {@code max}, of one of the media types allowed, and its first bytes are
     * what that type starts with (a declared type alone proves nothing).
     *
     * @param field how the refusal names the file, e.g. {@code evidence} or {@code evidence[1]}
     */
    public Checked checked(String field, DataSize max, List<String> types) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(field, "required", "attach the evidence: a " + String.join(", ", types)
                    + " file");
        }
        if (content.length > max.toBytes()) {
            throw new PayloadTooLargeException(field, "max-size", "the evidence is " + content.length
                    + " bytes; at most " + max.toKilobytes() + " KB");
        }
        String declared = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!types.contains(declared)) {
            throw new InvalidInputException(field, "type", "evidence is one of " + types + ", not '" + declared + "'");
        }
        if (!looksLike(declared, content)) {
            throw new InvalidInputException(field, "content-matches-type", "the file's content is not " + declared);
        }
        String kept = blank(name) ? "evidence" : name.strip();
        return new Checked(kept.length() > 255 ? kept.substring(kept.length() - 255) : kept, declared, content.length);
    }

    /** The first bytes of a PDF, PNG or JPEG file; other configured types are taken as declared. */
    private static boolean looksLike(String type, byte[] content) {
        byte[] magic = switch (type) {
            case "application/pdf" -> "%PDF-".getBytes(StandardCharsets.US_ASCII);
            case "image/png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            case "image/jpeg" -> new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
            default -> new byte[0];
        };
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
