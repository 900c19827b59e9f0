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
        List<Manifest.File> files = listed.entrySet().stream()
                .map(f -> new Manifest.File(f.getKey(), Sealing.sha256(f.getValue()), f.getValue().length)).toList();
        return PackageLayout.JSON.writeValueAsBytes(new Manifest(PackageLayout.FORMAT, PackageLayout.VERSION, "case",
                "GX-2026-000001", "Evidence of case GX-2026-000001", Instant.parse("2026-12-03T10:00:00Z"), "gaj.zhang",
                "public-security", "sharing-authority", List.of(), files));
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
}
