package org.govshare.anchor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a checkpoint says, in the one canonical form that is timestamped and sealed: a single line of JSON, UTF-8,
 * keys in a fixed order, no spaces, no line end. The bytes are those of the file {@code openssl ts -verify -data}
 * and {@code openssl cms -verify -content} are given, so the form is fixed and parsed strictly: the bytes parse only
 * if rendering what they say gives them back.
 *
 * @param checkpoint its number, from 1
 * @param firstSeq the first event it covers
 * @param lastSeq the last event it covers (the chain head when it was made)
 * @param leafCount how many events it covers
 * @param headHash the chain hash of event {@code lastSeq}
 * @param merkleRoot the RFC 6962 root over the chain hashes of the events it covers
 * @param previousCheckpoint the number of the checkpoint before (0 for the first)
 * @param previousHash SHA-256 of the previous checkpoint's statement (64 zeros for the first)
 * @param at when it was made, UTC
 */
public record CheckpointStatement(long checkpoint, long firstSeq, long lastSeq, long leafCount, String headHash,
                                  String merkleRoot, long previousCheckpoint, String previousHash, Instant at) {

    static final String TYPE = "govshare.audit-checkpoint";
    static final String NO_PREVIOUS = "0".repeat(64);

    private static final String FORM = "{\"type\":\"" + TYPE + "\",\"version\":1,\"checkpoint\":%d,\"firstSeq\":%d,"
            + "\"lastSeq\":%d,\"leafCount\":%d,\"headHash\":\"%s\",\"merkleRoot\":\"%s\",\"previousCheckpoint\":%d,"
            + "\"previousHash\":\"%s\",\"at\":\"%s\"}";
    private static final Pattern PARSE = Pattern.compile(Pattern.quote("{\"type\":\"" + TYPE + "\",\"version\":1,")
            + "\"checkpoint\":(\\d+),\"firstSeq\":(\\d+),\"lastSeq\":(\\d+),\"leafCount\":(\\d+),"
            + "\"headHash\":\"([0-9a-f]{64})\",\"merkleRoot\":\"([0-9a-f]{64})\",\"previousCheckpoint\":(\\d+),"
            + "\"previousHash\":\"([0-9a-f]{64})\",\"at\":\"([^\"]+)\"}");

    /** The canonical bytes. */
    public byte[] bytes() {
        return String.format(FORM, checkpoint, firstSeq, lastSeq, leafCount, headHash, merkleRoot, previousCheckpoint,
                previousHash, at).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the bytes say, if they are a statement in the canonical form.
     *
     * @throws IllegalArgumentException when they are not
     */
    public static CheckpointStatement parse(byte[] bytes) {
        Matcher m = PARSE.matcher(new String(bytes, StandardCharsets.UTF_8));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint statement in the canonical form");
        }
        try {
            CheckpointStatement statement = new CheckpointStatement(Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), m.group(5),
                    m.group(6), Long.parseLong(m.group(7)), m.group(8), Instant.parse(m.group(9)));
            if (!Arrays.equals(statement.bytes(), bytes)) {
                throw new IllegalArgumentException("the statement is not in the canonical form");
            }
            return statement;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("the statement has a value out of range: " + e.getMessage(), e);
        }
    }
}
