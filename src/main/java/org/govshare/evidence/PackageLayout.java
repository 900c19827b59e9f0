package org.govshare.evidence;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Where each part of an evidence package sits in its ZIP, and the one JSON form it is written and read in: the maker
 * and the offline verifier share them, so the two cannot drift apart.
 */
final class PackageLayout {

    static final String FORMAT = "govshare.evidence-package";
    static final int VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SEAL = "manifest.json.p7s";
    static final String EVENTS = "audit/events.json";
    static final String DOCUMENTS = "documents/register.json";
    static final String ROOTS = "certificates/roots/";
    static final String TIME_STAMPING = "certificates/time-stamping/";
    static final String SIGNERS = "certificates/signers/";
    static final String CRLS = "crls/";
    static final String REVOKED_SEALS = "crls/revoked-seals.json";
    static final String CHECKPOINTS = "checkpoints/";

    /** Jackson with records, instants as ISO text and stable, readable output. */
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PackageLayout() {
    }

    static String statement(long checkpoint) {
        return CHECKPOINTS + checkpoint + "/statement.json";
    }

    static String statementTimestamp(long checkpoint) {
        return CHECKPOINTS + checkpoint + "/statement.tsr";
    }

    static String statementSeal(long checkpoint) {
        return CHECKPOINTS + checkpoint + "/statement.json.p7s";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
