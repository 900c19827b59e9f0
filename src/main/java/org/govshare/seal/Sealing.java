package org.govshare.seal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals documents and checks seals; the one door every feature uses. The algorithm comes from the settings by
 * document kind and format; the key is the department's; every seal is written to the register and audited in the
 * caller's transaction, so a document and the record of its seal are kept together or not at all.
 */
@Service
public class Sealing {

    private final Map<SealFormat, SealFormatHandler> handlers = new EnumMap<>(SealFormat.class);
    private final SealCertificates certificates;
    private final SealProperties properties;
    private final SealRecordStore register;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Sealing(List<SealFormatHandler> handlers, SealCertificates certificates, SealProperties properties,
            SealRecordStore register, AuditTrail auditTrail, Clock clock) {
        handlers.forEach(h -> this.handlers.put(h.format(), h));
        this.certificates = certificates;
        this.properties = properties;
        this.register = register;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Seals with the department's seal in this format, with the algorithm the settings choose. */
    @Transactional
    public Sealed seal(byte[] document, SealFormat format, SealRequest request) {
        return seal(document, format, request, properties.algorithms().choose(request.kind(), format));
    }

    /** Seals with this algorithm, whatever the settings say (a caller that lets the reader choose). */
    @Transactional
    public Sealed seal(byte[] document, SealFormat format, SealRequest request, SealAlgorithm algorithm) {
        SealFormatHandler handler = handler(format);
        SealingKey key = certificates.forDepartment(request.department(), algorithm);
        byte[] seal = handler.seal(document, request, key);
        String hash = sha256(format == SealFormat.PADES ? seal : document);
        String sealedBy = auditTrail.currentActor().id();
        SealRecord record = new SealRecord(nextId(), hash, request.kind(), format, algorithm, request.department(),
                handler.sealIdOf(seal, key), key.certificate().getSerialNumber().toString(16), request.subject(),
                request.title(), sealedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
        register.add(record);
        auditTrail.record(AuditEntry.ok(AuditAction.SEAL_MADE, "seal", record.id())
                .with("kind", request.kind()).with("format", format).with("algorithm", algorithm)
                .with("department", request.department()).with("sealId", record.sealId())
                .with("subject", request.subject()).with("documentHash", hash));
        return new Sealed(record.id(), format, algorithm, seal, hash);
    }

    /**
     * Checks a seal against its document, or a sealed file alone ({@code document} null), with what the platform
     * trusts now. Reads the register only to name the record of a seal that holds.
     */
    @Transactional(readOnly = true)
    public SealVerdict verify(byte[] document, byte[] seal) {
        return verify(document, seal, certificates.trust());
    }

    /** The same check with given trust material: offline verification calls it too. */
    public SealVerdict verify(byte[] document, byte[] seal, TrustMaterial trust) {
        Optional<SealFormatHandler> handler = recognising(seal);
        if (handler.isEmpty()) {
            return SealVerdict.invalid(null, InvalidReason.MALFORMED,
                    "not a seal the platform reads: neither CMS SignedData, a GB/T 38540 SES_Signature nor a signed PDF");
        }
        SealVerdict verdict = checked(handler.get(), document, seal, trust);
        if (!verdict.valid() || verdict.certificateSerial() == null) {
            return verdict;
        }
        String hash = sha256(document == null ? seal : document);
        return register.byHash(hash).stream()
                .filter(r -> r.certificateSerial().equals(verdict.certificateSerial()))
                .reduce((first, later) -> later)
                .map(r -> verdict.withRegisterId(r.id()))
                .orElse(verdict);
    }

    /** A seal crafted to trip a parser (a number too large, a structure cut short) is MALFORMED, not an error. */
    static SealVerdict checked(SealFormatHandler handler, byte[] document, byte[] seal, TrustMaterial trust) {
        try {
            return handler.verify(document, seal, trust);
        } catch (RuntimeException e) {
            return SealVerdict.invalid(handler.format(), InvalidReason.MALFORMED,
                    "the seal cannot be read as " + handler.format() + ": " + e.getClass().getSimpleName());
        }
    }

    public Optional<SealFormatHandler> recognising(byte[] seal) {
        for (SealFormat format : List.of(SealFormat.PADES, SealFormat.SES, SealFormat.CMS)) {
            SealFormatHandler handler = handlers.get(format);
            if (handler != null && recognises(handler, seal)) {
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }

    /** Whether a seal maker for this format is installed (SES and PAdES come in modules of their own). */
    public boolean offers(SealFormat format) {
        return handlers.containsKey(format);
    }

    static boolean recognises(SealFormatHandler handler, byte[] seal) {
        try {
            return handler.recognises(seal);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    public Optional<SealRecord> record(String id) {
        return register.find(id);
    }

    /** Every seal made on documents about this subject (a case number, {@code grant:…}, {@code checkpoint:…}). */
    public List<SealRecord> recordsAbout(String subject) {
        return register.bySubject(subject);
    }

    private SealFormatHandler handler(SealFormat format) {
        SealFormatHandler handler = handlers.get(format);
        if (handler == null) {
            throw new IllegalStateException("no seal maker for " + format + " is installed");
        }
        return handler;
    }

    private String nextId() {
        return "SR-" + Year.now(clock.withZone(ZoneId.of("Asia/Shanghai"))) + "-" + String.format("%07d", register.nextNumber());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A seal made.
     *
     * @param registerId the seal register's record
     * @param seal the detached seal (CMS, SES) or the sealed PDF (PAdES)
     * @param documentHash SHA-256 (hex) of what the register keys it by
     */
    public record Sealed(String registerId, SealFormat format, SealAlgorithm algorithm, byte[] seal, String documentHash) {
    }
}
