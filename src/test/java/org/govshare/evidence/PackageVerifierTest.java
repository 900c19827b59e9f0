package org.govshare.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govshare.seal.Sealing;
import org.junit.jupiter.api.Test;

/**
 * The checks of a package that need no seal to hold: every file against the manifest, files it does not name, and a
 * manifest whose seal is not one. The seals themselves are checked against the platform's CA in the integration test.
 */
class PackageVerifierTest {

    private static final byte[] EVENTS = "[ ]".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REGISTER = "[ ]".getBytes(StandardCharsets.UTF_8);

    private static byte[] manifest(Map<String, byte[]> listed) throws Exception {
        return manifest(listed, List.of());
    }

    private static byte[] manifest(Map<String, byte[]> listed, List<Long> checkpoints) throws Exception {
        List<Manifest.File> files = listed.entrySet().stream()
                .map(f -> new Manifest.File(f.getKey(), Sealing.sha256(f.getValue()), f.getValue().length)).toList();
        return PackageLayout.JSON.writeValueAsBytes(new Manifest(PackageLayout.FORMAT, PackageLayout.VERSION, "case",
                "GX-2026-000001", "Evidence of case GX-2026-000001", Instant.parse("2026-12-03T10:00:00Z"), "gaj.zhang",
                "public-security", "sharing-authority", checkpoints, files));
    }

    private static List<String> lines(Map<String, byte[]> files) {
        return PackageVerifier.verify(PackageFiles.zip(files), List.of()).lines().stream()
                .map(Verification.Line::toString).toList();
    }

    private static Map<String, byte[]> honest() throws Exception {
        Map<String, byte[]> listed = new LinkedHashMap<>();
        listed.put(PackageLayout.EVENTS, EVENTS);
        listed.put(PackageLayout.DOCUMENTS, REGISTER);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackageLayout.MANIFEST, manifest(listed));
        files.put(PackageLayout.MANIFEST_SEAL, "not a seal".getBytes(StandardCharsets.UTF_8));
        files.putAll(listed);
        return files;
    }

    @Test
    void filesAreCheckedAgainstTheManifestEvenWhenItsSealDoesNotHold() throws Exception {
        List<String> lines = lines(honest());

        assertThat(lines).contains("OK   audit/events.json: its SHA-256 matches the manifest",
                        "OK   documents/register.json: its SHA-256 matches the manifest")
                .anyMatch(l -> l.startsWith("FAIL manifest.json: its seal does not hold: MALFORMED"))
                .first().asString().startsWith("NOTE evidence package of case GX-2026-000001");
    }

    @Test
    void aChangedAMissingAndAnAddedFileAreEachNamed() throws Exception {
        Map<String, byte[]> files = honest();
        files.put(PackageLayout.EVENTS, "[ ] ".getBytes(StandardCharsets.UTF_8));
        files.remove(PackageLayout.DOCUMENTS);
        files.put("documents/extra.pdf", new byte[] {1});

        assertThat(lines(files)).contains(
                "FAIL audit/events.json: its SHA-256 differs from the manifest's: the file was changed after the package"
                        + " was sealed",
                "FAIL documents/register.json: named by the manifest, missing from the package",
                "FAIL documents/extra.pdf: not named by the manifest: it was added after the package was sealed");
    }

    @Test
    void aManifestOfSomethingElseIsUnreadable() {
        Verification verification = PackageVerifier.verify(PackageFiles.zip(Map.of(PackageLayout.MANIFEST,
                "{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8))), List.of());

        assertThat(verification.exitCode()).isEqualTo(Verification.UNREADABLE);
        assertThat(verification.summary()).startsWith("UNREADABLE");
    }

    /** A package with no event and no document, its roots, time-stamping authority and seal the forger's. */
    static byte[] forgedBy(ThrowawayAuthority forger) throws Exception {
        Map<String, byte[]> listed = new LinkedHashMap<>();
        listed.put(PackageLayout.EVENTS, EVENTS);
        listed.put(PackageLayout.DOCUMENTS, REGISTER);
        listed.put(PackageLayout.ROOTS + "1.pem", PackageTrust.pem(forger.root));
        listed.put(PackageLayout.TIME_STAMPING + "2.pem", PackageTrust.pem(forger.timeStamping));
        byte[] manifest = manifest(listed);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackageLayout.MANIFEST, manifest);
        files.put(PackageLayout.MANIFEST_SEAL, forger.seal(manifest));
        files.putAll(listed);
        return PackageFiles.zip(files);
    }

    /**
     * A package forged from scratch, its roots, time-stamping authority and seal the forger's own: against its own
     * roots every check holds, and the verifier says that this proves nothing (exit 3); against pinned roots, the
     * platform's, its seal is refused (exit 1).
     */
    @Test
    void aPackageForgedUnderAThrowawayRootHoldsOnlyAgainstItsOwnRoots() throws Exception {
        ThrowawayAuthority forger = new ThrowawayAuthority("sharing-authority");
        byte[] zip = forgedBy(forger);

        Verification unpinned = PackageVerifier.verify(zip, List.of());
        assertThat(unpinned.failures()).as(unpinned.lines().toString()).isZero();
        assertThat(unpinned.lines()).extracting(Verification.Line::toString)
                .anyMatch(l -> l.startsWith("OK   manifest.json: sealed by sharing-authority (CMS, ECDSA"));
        assertThat(unpinned.exitCode()).isEqualTo(Verification.HOLDS_UNPINNED);
        assertThat(unpinned.summary()).isEqualTo("HOLDS AGAINST THE PACKAGE'S OWN ROOTS: 5 checks; pin the platform's"
                + " roots with --root (GET /api/seals/roots) to prove who sealed it");

        Verification pinned = PackageVerifier.verify(zip, List.of(new ThrowawayAuthority("platform").root));
        assertThat(pinned.exitCode()).isEqualTo(Verification.SOMETHING_FAILS);
        assertThat(pinned.lines()).extracting(Verification.Line::toString)
                .anyMatch(l -> l.startsWith("FAIL manifest.json: its seal does not hold: UNKNOWN_SIGNER"));
        assertThat(pinned.summary()).startsWith("NOT ALL HOLD");

        Verification pinnedToItsOwn = PackageVerifier.verify(zip, List.of(forger.root));
        assertThat(pinnedToItsOwn.exitCode()).as("pinning decides, not the package").isEqualTo(Verification.ALL_HOLD);
        assertThat(pinnedToItsOwn.summary()).isEqualTo("ALL HOLD: 5 checks, none failed");
    }

    /** Nulls where values belong, in the events, the register and the manifest: each a FAIL line naming it. */
    @Test
    void nullsInThePackageAreNamedFailuresNotStackTraces() throws Exception {
        byte[] events = PackageLayout.utf8("""
                [ null,
                  {"seq": 5, "action": "REQUEST_SUBMITTED", "outcome": "OK", "objectId": "GX-2026-000001",
                   "prevHash": null, "hash": null, "proof": null},
                  {"seq": 6, "action": "REQUEST_DECIDED", "outcome": "OK", "prevHash": "00", "hash": null,
                   "proof": {"seq": 6, "eventHash": null, "leafIndex": 0, "leafCount": 1, "path": [], "checkpoint": 7}},
                  {"seq": 7, "action": null, "outcome": null, "prevHash": "00", "hash": "11"} ]""");
        byte[] register = PackageLayout.utf8("[ null, {\"record\": null}, {} ]");
        Map<String, byte[]> listed = new LinkedHashMap<>();
        listed.put(PackageLayout.EVENTS, events);
        listed.put(PackageLayout.DOCUMENTS, register);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackageLayout.MANIFEST, manifest(listed, java.util.Arrays.asList(null, 7L)));
        files.put(PackageLayout.MANIFEST_SEAL, "not a seal".getBytes(StandardCharsets.UTF_8));
        files.putAll(listed);

        Verification checked = PackageVerifier.verify(PackageFiles.zip(files), List.of());

        assertThat(checked.exitCode()).isEqualTo(Verification.SOMETHING_FAILS);
        assertThat(checked.lines()).extracting(Verification.Line::toString).contains(
                "FAIL audit/events.json: entry 1 is null, not an audit event",
                "FAIL event 5 (REQUEST_SUBMITTED GX-2026-000001): its prevHash is missing (null), so its hash cannot be"
                        + " recomputed",
                "FAIL event 5 (REQUEST_SUBMITTED GX-2026-000001): carries no Merkle proof to a checkpoint",
                "FAIL event 6 (REQUEST_DECIDED): its hash is missing (null), so its hash cannot be recomputed",
                "FAIL manifest.json: lists a checkpoint without a number",
                "FAIL checkpoint 7: its statement checkpoints/7/statement.json is missing")
                .anyMatch(l -> l.startsWith("FAIL documents/register.json entry 1: cannot be checked, it is malformed"))
                .anyMatch(l -> l.startsWith("FAIL documents/register.json entry 2: cannot be checked, it is malformed"))
                .anyMatch(l -> l.startsWith("FAIL event 7 (null): cannot be read as an audit event"))
                .noneMatch(l -> l.contains("\tat "));
    }
}
