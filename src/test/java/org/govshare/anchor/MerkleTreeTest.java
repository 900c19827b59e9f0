package org.govshare.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /** The leaf inputs and roots of the Certificate Transparency reference tests (RFC 6962's authors' code). */
    private static final List<String> REFERENCE_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> REFERENCE_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theRootsAreThoseOfTheReferenceImplementation() {
        for (int n = 1; n <= REFERENCE_LEAVES.size(); n++) {
            assertThat(MerkleTree.root(REFERENCE_LEAVES.subList(0, n))).as("%d leaves", n)
                    .isEqualTo(REFERENCE_ROOTS.get(n - 1));
        }
    }

    @Test
    void aLeafIsTheHashOfAZeroByteAndTheEventHash() throws Exception {
        String eventHash = hash(7);
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(concat(new byte[] {0}, HexFormat.of().parseHex(eventHash)));
        assertThat(MerkleTree.leaf(eventHash)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void everyLeafOfEveryTreeUpTo33LeavesHasAProofThatLeadsToTheRoot() {
        for (int n = 1; n <= 33; n++) {
            List<String> leaves = hashes(n);
            String root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                MerkleProof proof = proofOf(leaves, i);
                assertThat(MerkleTree.verify(proof, root)).as("leaf %d of %d", i, n).isTrue();
                assertThat(proof.path()).as("leaf %d of %d", i, n)
                        .hasSizeLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(n - 1) + 1);
            }
        }
    }

    @Test
    void aChangedLeafIsRefused() {
        for (int n = 1; n <= 33; n++) {
            List<String> leaves = hashes(n);
            String root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                MerkleProof proof = proofOf(leaves, i);
                MerkleProof changed = new MerkleProof(proof.seq(), hash(1000 + i), i, n, proof.path(), 1);
                assertThat(MerkleTree.verify(changed, root)).as("leaf %d of %d", i, n).isFalse();
            }
        }
    }

    @Test
    void aChangedLeafChangesTheRoot() {
        List<String> leaves = hashes(33);
        List<String> changed = new ArrayList<>(leaves);
        changed.set(32, hash(99));
        assertThat(MerkleTree.root(changed)).isNotEqualTo(MerkleTree.root(leaves));
    }

    @Test
    void aProofCannotClaimAnotherPlaceOrAnotherTree() {
        List<String> leaves = hashes(13);
        String root = MerkleTree.root(leaves);
        MerkleProof proof = proofOf(leaves, 5);
        assertThat(MerkleTree.verify(new MerkleProof(6, proof.eventHash(), 6, 13, proof.path(), 1), root)).isFalse();
        assertThat(MerkleTree.verify(new MerkleProof(5, proof.eventHash(), 5, 13, proof.path(), 1),
                MerkleTree.root(hashes(12)))).isFalse();
        List<String> flipped = proof.path().stream()
                .map(step -> (step.startsWith("L") ? "R" : "L") + step.substring(1)).toList();
        assertThat(MerkleTree.verify(new MerkleProof(5, proof.eventHash(), 5, 13, flipped, 1), root)).isFalse();
        assertThat(MerkleTree.verify(new MerkleProof(5, "not hex", 5, 13, proof.path(), 1), root)).isFalse();
    }

    @Test
    void aSingleLeafIsItsOwnRootWithAnEmptyPath() {
        List<String> leaves = hashes(1);
        assertThat(MerkleTree.root(leaves)).isEqualTo(MerkleTree.leaf(leaves.get(0)));
        assertThat(MerkleTree.proof(leaves, 0)).isEmpty();
    }

    private static MerkleProof proofOf(List<String> leaves, int index) {
        return new MerkleProof(index + 1, leaves.get(index), index, leaves.size(), MerkleTree.proof(leaves, index), 1);
    }

    private static List<String> hashes(int n) {
        return IntStream.range(0, n).mapToObj(MerkleTreeTest::hash).toList();
    }

    private static String hash(int i) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("event " + i).getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
