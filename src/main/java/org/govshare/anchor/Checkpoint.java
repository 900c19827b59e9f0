package org.govshare.anchor;

import java.time.Instant;

/**
 * One checkpoint of the audit chain: the Merkle root of the events {@code firstSeq} to {@code lastSeq} and the chain
 * head at {@code lastSeq}, as its statement says, with the statement's RFC 3161 timestamp token and the authority's
 * detached CMS seal over the statement (both DER).
 *
 * @param number its place among checkpoints, from 1 without gaps
 * @param firstSeq the first event it covers
 * @param lastSeq the last event it covers: the chain head when it was made
 * @param headHash the chain hash of event {@code lastSeq}
 * @param merkleRoot the RFC 6962 root over the hashes of the events it covers
 * @param at when it was made
 * @param statement the canonical statement (one line of JSON, UTF-8) that was timestamped and sealed
 * @param timestampToken the RFC 3161 TimeStampToken over the statement
 * @param seal the CMS SignedData over the statement, detached
 */
public record Checkpoint(long number, long firstSeq, long lastSeq, String headHash, String merkleRoot, Instant at,
                         byte[] statement, byte[] timestampToken, byte[] seal) {

    /** Whether the checkpoint covers event {@code seq}. */
    public boolean covers(long seq) {
        return firstSeq <= seq && seq <= lastSeq;
    }

    /** How many events it covers: the leaves of its tree. */
    public int leafCount() {
        return Math.toIntExact(lastSeq - firstSeq + 1);
    }
}
