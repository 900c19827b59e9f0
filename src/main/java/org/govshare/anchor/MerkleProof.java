package org.govshare.anchor;

import java.util.List;

/**
 * That one audit event is among those a checkpoint anchors: the audit path from its leaf to the checkpoint's Merkle
 * root (RFC 6962, section 2.1.1), checked by {@link MerkleTree#verify(MerkleProof, String)} without the platform.
 *
 * @param seq the event's place in the hash chain
 * @param eventHash the event's chain hash (hex), the leaf's content
 * @param leafIndex the leaf's place among the checkpoint's leaves, from 0 (the event {@code firstSeq + leafIndex})
 * @param leafCount how many leaves the checkpoint's tree has
 * @param path the sibling hashes from the leaf up to the root, each {@code "L:<hex>"} (the sibling is on the left)
 *             or {@code "R:<hex>"} (on the right)
 * @param checkpoint the number of the checkpoint whose root the path leads to
 */
public record MerkleProof(long seq, String eventHash, int leafIndex, int leafCount, List<String> path,
                          long checkpoint) {

    public MerkleProof {
        path = List.copyOf(path);
    }
}
