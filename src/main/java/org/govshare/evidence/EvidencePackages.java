package org.govshare.evidence;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.govshare.anchor.AuditAnchors;
import org.govshare.anchor.Checkpoint;
import org.govshare.anchor.MerkleProof;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditEvent;
import org.govshare.audit.AuditTrail;
import org.govshare.cases.Case;
import org.govshare.cases.CaseEngine;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.HiddenException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.seal.DocumentKind;
import org.govshare.seal.SealCertificates;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRecord;
import org.govshare.seal.SealRequest;
import org.govshare.seal.Sealing;
import org.govshare.seal.TrustMaterial;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the evidence package of a case or of a data access (Arts. 23, 27): the sealed documents about it, its audit
 * events with their Merkle proofs to the checkpoints that anchor them, those checkpoints with their timestamps and
 * seals, and the certificates and CRLs that check them, all named in a manifest the authority seals. Whoever holds
 * it checks it offline ({@link VerifyCommand}).
 */
@Service
public class EvidencePackages {

    private final CaseEngine cases;
    private final Grants grants;
    private final AuditTrail auditTrail;
    private final AuditAnchors anchors;
    private final Sealing sealing;
    private final SealCertificates certificates;
    private final List<SealedDocumentKeeper> keepers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvidencePackages(CaseEngine cases, Grants grants, AuditTrail auditTrail, AuditAnchors anchors, Sealing sealing,
                     SealCertificates certificates, List<SealedDocumentKeeper> keepers,
                     PlatformTransactionManager transactions, Clock clock) {
        this.cases = cases;
        this.grants = grants;
        this.auditTrail = auditTrail;
        this.anchors = anchors;
        this.sealing = sealing;
        this.certificates = certificates;
        this.keepers = keepers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The package of a case, for whoever may see the case: its parties and the sharing authority. A case the caller
     * may not see is answered as one that does not exist.
     */
    public Made ofCase(Official by, String number) {
        Case found = cases.find(number).orElseThrow(() -> new NotFoundException("case", number));
        if (!by.has(Role.AUTHORITY) && (by.department() == null || !found.concerns(by.department()))) {
            throw new HiddenException("case", number);
        }
        return make(by, new Subject("case", number, "案件 " + number + " 证据包 Evidence of case " + number, number,
                List.of(number), List.of()));
    }

    /**
     * The package of one read of shared data (its {@code DATA_ACCESSED} audit event), for the consumer's and the
     * provider's departments, the authority and the supervisors: the read, the grant it was made under and what was
     * sealed under that grant. An event that is no read, a read whose grant cannot be found, and one the caller may
     * not see are all answered as one that does not exist, and the refusal is audited: the answer tells nothing.
     */
    public Made ofDataAccess(Official by, String eventId) {
        AuditEvent read = auditTrail.find(eventId).filter(e -> e.action() == AuditAction.DATA_ACCESSED)
                .orElseThrow(() -> new HiddenException("data access", eventId));
        Grant grant = grantOf(read).flatMap(this::grant).orElseThrow(() -> new HiddenException("data access", eventId));
        if (!by.has(Role.AUTHORITY) && !by.has(Role.SUPERVISOR) && (by.department() == null
                || !by.department().equals(grant.consumerDepartment()) && !by.department().equals(grant.providerDepartment()))) {
            throw new HiddenException("data access", eventId);
        }
        String grantId = grant.id();
        return make(by, new Subject("data-access", eventId, "数据访问 " + read.objectId() + " 证据包 Evidence of a read of "
                + read.objectId() + " under grant " + grantId, "grant:" + grantId, List.of(grantId), List.of(eventId)));
    }

    private Made make(Official by, Subject subject) {
        List<SealRecord> records = sealing.recordsAbout(subject.sealSubject()).stream()
                .filter(r -> r.kind() != DocumentKind.EVIDENCE_PACKAGE).toList();
        // a checkpoint first, so that every event committed until now (the subject's included) has a proof
        Checkpoint head = anchors.checkpointNow();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<Long, Checkpoint> checkpoints = new TreeMap<>();
        List<PackagedEvent> events = events(subject, records, head.lastSeq(), checkpoints);
        files.put(PackageLayout.EVENTS, json(events));
        files.put(PackageLayout.DOCUMENTS, json(documents(records, files)));
        checkpoints.values().forEach(c -> {
            files.put(PackageLayout.statement(c.number()), c.statement());
            files.put(PackageLayout.statementTimestamp(c.number()), c.timestampToken());
            files.put(PackageLayout.statementSeal(c.number()), c.seal());
        });
        trust(records, files);
        return transaction.execute(status -> seal(by, subject, files, List.copyOf(checkpoints.keySet()), events.size(),
                records.size()));
    }

    private List<PackagedEvent> events(Subject subject, List<SealRecord> records, long upTo,
                                       Map<Long, Checkpoint> checkpoints) {
        Set<String> objects = new LinkedHashSet<>(subject.objectIds());
        records.forEach(r -> objects.add(r.id()));
        Map<Long, AuditEvent> found = new TreeMap<>();
        auditTrail.eventsAbout(objects, upTo).forEach(e -> found.put(e.seq(), e));
        subject.eventIds().stream().map(auditTrail::find).flatMap(Optional::stream)
                .filter(e -> e.seq() > 0 && e.seq() <= upTo).forEach(e -> found.put(e.seq(), e));
        List<PackagedEvent> events = new ArrayList<>(found.size());
        for (AuditEvent event : found.values()) {
            MerkleProof proof = anchors.proofOf(event.seq()).orElseThrow(() -> new IllegalStateException(
                    "event " + event.seq() + " is not covered by a checkpoint though one was just made up to " + upTo));
            checkpoints.computeIfAbsent(proof.checkpoint(), n -> anchors.checkpoint(n).orElseThrow(
                    () -> new IllegalStateException("checkpoint " + n + " gave a proof but cannot be read")));
            events.add(PackagedEvent.of(event, proof));
        }
        return events;
    }

    /** The register's records of the subject's seals, with the documents where a module keeps them. */
    private List<PackagedDocument> documents(List<SealRecord> records, Map<String, byte[]> files) {
        List<PackagedDocument> documents = new ArrayList<>(records.size());
        for (SealRecord record : records) {
            Optional<SealedDocumentKeeper.KeptDocument> kept = keepers.stream()
                    .map(k -> k.kept(record)).flatMap(Optional::stream).findFirst();
            if (kept.isEmpty()) {
                documents.add(new PackagedDocument(record, null, null));
                continue;
            }
            String file = "documents/" + record.id() + "." + kept.get().extension();
            files.put(file, kept.get().content());
            String sealFile = kept.get().seal() == null ? null : file + (record.format() == SealFormat.SES ? ".ses" : ".p7s");
            if (sealFile != null) {
                files.put(sealFile, kept.get().seal());
            }
            documents.add(new PackagedDocument(record, file, sealFile));
        }
        return documents;
    }

    /** The roots, the time-stamping authorities, the signers of the subject's seals, the CRLs and revoked seals. */
    private void trust(List<SealRecord> records, Map<String, byte[]> files) {
        TrustMaterial trust = certificates.trust();
        trust.roots().forEach(c -> files.put(PackageLayout.ROOTS + serial(c) + ".pem", PackageTrust.pem(c)));
        trust.timestampAuthorities().forEach(c -> files.put(PackageLayout.TIME_STAMPING + serial(c) + ".pem",
                PackageTrust.pem(c)));
        records.stream().map(SealRecord::certificateSerial).distinct()
                .forEach(serial -> certificates.find(serial).ifPresent(c -> files.put(PackageLayout.SIGNERS + serial
                        + ".pem", PackageTrust.pem(c.certificate()))));
        List<X509CRL> crls = trust.crls();
        for (int i = 0; i < crls.size(); i++) {
            files.put(PackageLayout.CRLS + (i + 1) + ".crl", PackageTrust.der(crls.get(i)));
        }
        files.put(PackageLayout.REVOKED_SEALS, json(trust.revokedSealIds().stream().sorted().toList()));
    }

    /** The manifest over every file, sealed by the authority, and the package audited, in one transaction. */
    private Made seal(Official by, Subject subject, Map<String, byte[]> files, List<Long> checkpoints, int events,
                      int documents) {
        List<Manifest.File> listed = files.entrySet().stream()
                .map(f -> new Manifest.File(f.getKey(), Sealing.sha256(f.getValue()), f.getValue().length)).toList();
        String authority = certificates.authorityDepartment();
        Manifest manifest = new Manifest(PackageLayout.FORMAT, PackageLayout.VERSION, subject.type(), subject.id(),
                subject.title(), clock.instant().truncatedTo(ChronoUnit.MILLIS), by.login(), by.department(), authority,
                checkpoints, listed);
        byte[] manifestBytes = json(manifest);
        Sealing.Sealed sealed = sealing.seal(manifestBytes, SealFormat.CMS, new SealRequest(DocumentKind.EVIDENCE_PACKAGE,
                authority, subject.sealSubject(), subject.title()));
        Map<String, byte[]> zipped = new LinkedHashMap<>();
        zipped.put(PackageLayout.MANIFEST, manifestBytes);
        zipped.put(PackageLayout.MANIFEST_SEAL, sealed.seal());
        zipped.putAll(files);
        auditTrail.record(AuditEntry.ok(AuditAction.EVIDENCE_PACKAGE_MADE, subject.type(), subject.id())
                .with("manifestHash", sealed.documentHash()).with("sealRegisterId", sealed.registerId())
                .with("events", events).with("checkpoints", checkpoints).with("documents", documents));
        return new Made("evidence-" + subject.id() + ".zip", PackageFiles.zip(zipped));
    }

    /** The grant a read names in its details; empty when they are not JSON or name none. */
    private static Optional<String> grantOf(AuditEvent read) {
        if (read.details() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(PackageLayout.JSON.readTree(read.details()).path("grant").asText(null));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Optional<Grant> grant(String id) {
        try {
            return Optional.of(grants.find(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    private static byte[] json(Object value) {
        try {
            return PackageLayout.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("a package part cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** What a package is about, and which audit events and seals belong to it. */
    private record Subject(String type, String id, String title, String sealSubject, List<String> objectIds,
                           List<String> eventIds) {
    }

    /** A package made: its file name and its bytes. */
    public record Made(String fileName, byte[] zip) {
    }
}
