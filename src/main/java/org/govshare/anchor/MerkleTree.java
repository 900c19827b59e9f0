package org.govshare.anchor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 (section 2.1) over audit event hashes: a leaf is {@code SHA-256(0x00 ‖ event hash)},
 * a node {@code SHA-256(0x01 ‖ left ‖ right)}; the different first bytes keep a leaf from passing for a node.
 *
 * <p>The odd-leaf rule is RFC 6962's: a tree of {@code n > 1} leaves splits into a left subtree of the largest power
 * of two smaller than {@code n} leaves and a right subtree of the rest. A leaf left over on a level is therefore
 * carried up unchanged, never paired with a copy of itself (duplicating it, as Bitcoin does, would give two lists
 * the same root). Pure: no platform, no database, so an offline verifier can use it as it is.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {
    }

    /** The leaf hash (hex) of an event whose chain hash is {@code eventHashHex}. */
    public static String leaf(String eventHashHex) {
        return HEX.formatHex(leafHash(HEX.parseHex(eventHashHex)));
    }

    /**
     * The root (hex) of the tree over the given event hashes, in chain order; the leaves are computed here. The root
     * of no leaves is the hash of nothing, as in RFC 6962, though a checkpoint always has at least one.
     */
    public static String root(List<String> leaves) {
        return HEX.formatHex(subtreeRoot(leafHashes(leaves), 0, leaves.size()));
    }

    /**
     * The audit path of the leaf at {@code index} among the given event hashes: the siblings from the leaf up, each
     * tagged with the side it is on.
     */
    public static List<String> proof(List<String> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a tree of " + leaves.size() + " leaves");
        }
        List<String> path = new ArrayList<>();
        collectPath(leafHashes(leaves), index, 0, leaves.size(), path);
        return path;
    }

    /**
     * Whether the proof leads from its event hash to {@code rootHex}. The sides in the path must also be the ones its
     * leaf index and leaf count give, so a proof cannot claim another place in the tree than the one it names.
     */
    public static boolean verify(MerkleProof proof, String rootHex) {
        try {
            List<Character> sides = new ArrayList<>();
            collectSides(proof.leafIndex(), proof.leafCount(), sides);
            if (proof.leafIndex() < 0 || sides.size() != proof.path().size()) {
                return false;
            }
            byte[] hash = leafHash(HEX.parseHex(proof.eventHash()));
            for (int i = 0; i < sides.size(); i++) {
                String step = proof.path().get(i);
                if (step.length() < 3 || step.charAt(0) != sides.get(i) || step.charAt(1) != ':') {
                    return false;
                }
                byte[] sibling = HEX.parseHex(step.substring(2));
                hash = sides.get(i) == 'L' ? nodeHash(sibling, hash) : nodeHash(hash, sibling);
            }
            return MessageDigest.isEqual(hash, HEX.parseHex(rootHex));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    private static byte[][] leafHashes(List<String> eventHashes) {
        byte[][] leaves = new byte[eventHashes.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = leafHash(HEX.parseHex(eventHashes.get(i)));
        }
        return leaves;
    }

    private static byte[] subtreeRoot(byte[][] leaves, int from, int count) {
        if (count == 0) {
            return sha256().digest();
        }
        if (count == 1) {
            return leaves[from];
        }
        int split = largestPowerOfTwoBelow(count);
        return nodeHash(subtreeRoot(leaves, from, split), subtreeRoot(leaves, from + split, count - split));
    }

    /** RFC 6962's PATH(m, D[n]): the deeper siblings first, this level's sibling last. */
    private static void collectPath(byte[][] leaves, int index, int from, int count, List<String> path) {
        if (count == 1) {
            return;
        }
        int split = largestPowerOfTwoBelow(count);
        if (index < split) {
            collectPath(leaves, index, from, split, path);
            path.add("R:" + HEX.formatHex(subtreeRoot(leaves, from + split, count - split)));
        } else {
            collectPath(leaves, index - split, from + split, count - split, path);
            path.add("L:" + HEX.formatHex(subtreeRoot(leaves, from, split)));
        }
    }

    private static void collectSides(int index, int count, List<Character> sides) {
        if (count < 1 || index >= count) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + count + " leaves");
        }
        if (count == 1) {
            return;
        }
        int split = largestPowerOfTwoBelow(count);
        if (index < split) {
            collectSides(index, split, sides);
            sides.add('R');
        } else {
            collectSides(index - split, count - split, sides);
            sides.add('L');
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] leafHash(byte[] content) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(content);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
