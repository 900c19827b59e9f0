package org.govshare.anchor;

import java.time.Instant;
import java.util.Base64;

/**
 * A checkpoint as it leaves the database: one line of the JSON-lines file and one document of the Elasticsearch
 * index. The three binary parts are base64 so that the exact bytes can be taken out again.
 *
 * @param checkpoint its number
 * @param firstSeq the first event it covers
 * @param lastSeq the last event it covers
 * @param headHash the chain hash of event {@code lastSeq}
 * @param merkleRoot the root over the events it covers
 * @param at when it was made
 * @param statement the canonical statement, base64
 * @param timestampToken the RFC 3161 token over the statement (DER), base64
 * @param seal the authority's detached CMS seal over the statement (DER), base64
 */
record CheckpointLine(long checkpoint, long firstSeq, long lastSeq, String headHash, String merkleRoot, Instant at,
                      String statement, String timestampToken, String seal) {

    static CheckpointLine of(Checkpoint c) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new CheckpointLine(c.number(), c.firstSeq(), c.lastSeq(), c.headHash(), c.merkleRoot(), c.at(),
                base64.encodeToString(c.statement()), base64.encodeToString(c.timestampToken()),
                base64.encodeToString(c.seal()));
    }

    Checkpoint toCheckpoint() {
        Base64.Decoder base64 = Base64.getDecoder();
        return new Checkpoint(checkpoint, firstSeq, lastSeq, headHash, merkleRoot, at, base64.decode(statement),
                base64.decode(timestampToken), base64.decode(seal));
    }
}
