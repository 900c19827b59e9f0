package org.govshare.evidence;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.govshare.anchor.CheckpointStatement;
import org.govshare.seal.SealChecks;
import org.govshare.seal.SealRecord;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.Sealing;
import org.govshare.seal.TrustMaterial;

/**
 * Checks an evidence package with nothing but the package, and the roots its reader pins if any: no platform, no
 * database, no network. Goes on after a failure, so that every line says what holds and what does not.
 */
final class PackageVerifier {

    private PackageVerifier() {
    }

    /** @param pinnedRoots the roots to trust instead of the package's; empty: the package's, to compare by hand */
    static Verification verify(byte[] zip, List<X509Certificate> pinnedRoots) {
        Verification result = new Verification();
        Map<String, byte[]> files;
        Manifest manifest;
        try {
            files = PackageFiles.read(zip);
        } catch (IllegalArgumentException e) {
            return result.unreadable("the file is not an evidence package: " + e.getMessage());
        }
        byte[] manifestBytes = files.get(PackageLayout.MANIFEST);
        if (manifestBytes == null) {
            return result.unreadable("the package has no " + PackageLayout.MANIFEST);
        }
        try {
            manifest = PackageLayout.JSON.readValue(manifestBytes, Manifest.class);
        } catch (IOException e) {
            return result.unreadable(PackageLayout.MANIFEST + " cannot be read: " + e.getMessage());
        }
        if (manifest == null || !PackageLayout.FORMAT.equals(manifest.format())) {
            return result.unreadable(PackageLayout.MANIFEST + " is not the manifest of a GovShare evidence package");
        }
        if (!pinnedRoots.isEmpty()) {
            result.pinned();
        }
        result.note("evidence package of " + manifest.subjectType() + " " + manifest.subject() + ": " + manifest.title()
                + "; made " + manifest.madeAt() + " for " + manifest.madeBy() + " (" + manifest.madeByDepartment()
                + "), sealed by " + manifest.sealedBy());
        TrustMaterial trust = trust(files, pinnedRoots, result);
        result.guarded(PackageLayout.MANIFEST_SEAL, () -> authoritySeal(PackageLayout.MANIFEST, manifestBytes,
                files.get(PackageLayout.MANIFEST_SEAL), manifest.sealedBy(), trust, result));
        result.guarded(PackageLayout.MANIFEST + " files", () -> files(manifest, files, result));
        result.guarded(PackageLayout.DOCUMENTS, () -> documents(files, trust, result));
        Map<Long, CheckpointStatement> roots = new TreeMap<>();
        result.guarded(PackageLayout.MANIFEST + " checkpoints", () -> roots.putAll(checkpoints(manifest, files, trust,
                result)));
        result.guarded(PackageLayout.EVENTS, () -> events(files, roots, result));
        return result;
    }

    private static TrustMaterial trust(Map<String, byte[]> files, List<X509Certificate> pinnedRoots, Verification result) {
        TrustMaterial trust;
        try {
            trust = PackageTrust.of(files, pinnedRoots);
        } catch (RuntimeException e) {
            result.fails("the package's certificates and CRLs cannot be read (" + e.getMessage()
                    + "); no seal can be checked");
            return new TrustMaterial(pinnedRoots, List.of(), List.of(), Set.of());
        }
        String whose = pinnedRoots.isEmpty()
                ? "carried by the package: compare its fingerprint with the one the platform publishes"
                : "pinned by you (--root)";
        for (X509Certificate root : trust.roots()) {
            result.note("root " + root.getSubjectX500Principal().getName() + ", SHA-256 fingerprint "
                    + PackageTrust.fingerprint(root) + ", " + whose);
        }
        return trust;
    }

    /** Checks a detached seal over a document, and that it is the authority's. */
    private static void authoritySeal(String path, byte[] document, byte[] sealBytes, String authority,
                                      TrustMaterial trust, Verification result) {
        if (sealBytes == null) {
            result.fails(path + ": its seal " + path + ".p7s is missing");
            return;
        }
        SealVerdict verdict = SealChecks.verify(document, sealBytes, trust);
        if (!verdict.valid()) {
            result.fails(path + ": its seal does not hold: " + verdict.reason() + ", " + verdict.message());
        } else {
            result.check(java.util.Objects.equals(authority, verdict.department()), path + ": " + describe(verdict),
                    path + ": sealed by " + verdict.department() + ", not by the authority " + authority);
        }
    }

    private static String describe(SealVerdict verdict) {
        return "sealed by " + verdict.department() + " (" + verdict.format() + ", " + verdict.algorithm()
                + ", certificate " + verdict.certificateSerial() + " " + verdict.certificateStatus()
                + "), timestamped " + verdict.timestampedAt();
    }

    /** Every file against the SHA-256 the sealed manifest gives it; a file it does not name is foreign. */
    private static void files(Manifest manifest, Map<String, byte[]> files, Verification result) {
        Set<String> named = new HashSet<>();
        for (Manifest.File file : manifest.files()) {
            if (file == null || file.path() == null) {
                result.fails(PackageLayout.MANIFEST + ": lists a file without a path");
                continue;
            }
            named.add(file.path());
            byte[] content = files.get(file.path());
            if (content == null) {
                result.fails(file.path() + ": named by the manifest, missing from the package");
                continue;
            }
            result.check(Sealing.sha256(content).equals(file.sha256()), file.path() + ": its SHA-256 matches the manifest",
                    file.path() + ": its SHA-256 differs from the manifest's: the file was changed after the package"
                            + " was sealed");
        }
        for (String path : new TreeSet<>(files.keySet())) {
            if (!named.contains(path) && !path.equals(PackageLayout.MANIFEST) && !path.equals(PackageLayout.MANIFEST_SEAL)) {
                result.fails(path + ": not named by the manifest: it was added after the package was sealed");
            }
        }
    }

    private static void documents(Map<String, byte[]> files, TrustMaterial trust, Verification result) {
        byte[] register = files.get(PackageLayout.DOCUMENTS);
        if (register == null) {
            result.fails(PackageLayout.DOCUMENTS + " is missing");
            return;
        }
        List<PackagedDocument> documents;
        try {
            documents = PackageLayout.JSON.readValue(register, new TypeReference<List<PackagedDocument>>() { });
        } catch (IOException e) {
            result.fails(PackageLayout.DOCUMENTS + " cannot be read: " + e.getMessage());
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            PackagedDocument document = documents.get(i);
            result.guarded(PackageLayout.DOCUMENTS + " entry " + (i + 1), () -> document(document, files, trust, result));
        }
    }

    private static void document(PackagedDocument document, Map<String, byte[]> files, TrustMaterial trust,
                                 Verification result) {
        SealRecord record = document.record();
        String name = "sealed document " + record.id() + " (" + record.kind() + ", " + record.title() + ")";
        byte[] content = document.file() == null ? null : files.get(document.file());
        if (document.file() == null) {
            result.note(name + ": the platform does not keep this document; the package carries the register's"
                    + " record of its seal only (document SHA-256 " + record.documentHash() + ")");
        } else if (content == null) {
            result.fails(name + ": " + document.file() + " is missing");
        } else {
            result.check(Sealing.sha256(content).equals(record.documentHash()),
                    name + ": the document is the one the register recorded",
                    name + ": the document's SHA-256 is not the one the register recorded");
            byte[] seal = document.sealFile() == null ? null : files.get(document.sealFile());
            SealVerdict verdict = document.sealFile() == null ? SealChecks.verify(null, content, trust)
                    : SealChecks.verify(content, seal == null ? new byte[0] : seal, trust);
            result.check(verdict.valid(), name + ": " + describe(verdict),
                    name + ": its seal does not hold: " + verdict.reason() + ", " + verdict.message());
        }
    }

    /** Each checkpoint's timestamp and seal over its statement, and what the statement says it anchors. */
    private static Map<Long, CheckpointStatement> checkpoints(Manifest manifest, Map<String, byte[]> files,
                                                                  TrustMaterial trust, Verification result) {
        Map<Long, CheckpointStatement> roots = new TreeMap<>();
        for (Long listed : manifest.checkpoints()) {
            if (listed == null) {
                result.fails(PackageLayout.MANIFEST + ": lists a checkpoint without a number");
                continue;
            }
            result.guarded("checkpoint " + listed, () -> checkpoint(listed, manifest, files, trust, roots, result));
        }
        return roots;
    }

    private static void checkpoint(long number, Manifest manifest, Map<String, byte[]> files, TrustMaterial trust,
                                   Map<Long, CheckpointStatement> roots, Verification result) {
        String name = "checkpoint " + number;
        byte[] statement = files.get(PackageLayout.statement(number));
        if (statement == null) {
            result.fails(name + ": its statement " + PackageLayout.statement(number) + " is missing");
            return;
        }
        byte[] token = files.get(PackageLayout.statementTimestamp(number));
        timestamp(name, statement, token, trust, result);
        authoritySeal(PackageLayout.statement(number), statement, files.get(PackageLayout.statementSeal(number)),
                manifest.sealedBy(), trust, result);
        try {
            CheckpointStatement said = CheckpointStatement.parse(statement);
            if (said.checkpoint() != number) {
                result.fails(name + ": its statement is that of checkpoint " + said.checkpoint());
            } else {
                roots.put(number, said);
                result.note(name + " anchors events " + said.firstSeq() + " to " + said.lastSeq()
                        + " under Merkle root " + said.merkleRoot() + " (chain head " + said.headHash() + ")");
            }
        } catch (IllegalArgumentException e) {
            result.fails(name + ": its statement cannot be read: " + e.getMessage());
        }
    }

    private static void timestamp(String name, byte[] statement, byte[] token, TrustMaterial trust, Verification result) {
        if (token == null) {
            result.fails(name + ": its timestamp is missing");
            return;
        }
        TrustMaterial.TimestampCheck check;
        try {
            check = trust.checkTimestamp(new TimeStampToken(new CMSSignedData(token)), statement);
        } catch (Exception e) {
            result.fails(name + ": its timestamp cannot be read as an RFC 3161 token: " + e.getMessage());
            return;
        }
        result.check(check.holds(), name + ": its statement was timestamped at " + check.time()
                        + " by a trusted time-stamping authority (RFC 3161)",
                name + ": its timestamp does not hold: " + check.message());
    }

    private static void events(Map<String, byte[]> files, Map<Long, CheckpointStatement> roots,
                               Verification result) {
        byte[] content = files.get(PackageLayout.EVENTS);
        if (content == null) {
            result.fails(PackageLayout.EVENTS + " is missing");
            return;
        }
        try {
            EventChecks.check(Arrays.asList(PackageLayout.JSON.readValue(content, PackagedEvent[].class)), roots, result);
        } catch (IOException e) {
            result.fails(PackageLayout.EVENTS + " cannot be read: " + e.getMessage());
        }
    }
}
