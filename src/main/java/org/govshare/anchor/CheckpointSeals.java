package org.govshare.anchor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.govshare.seal.DocumentKind;
import org.govshare.seal.SealCertificates;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRequest;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.Sealing;
import org.govshare.seal.TimeStamping;
import org.govshare.seal.TrustMaterial;
import org.springframework.stereotype.Component;

/**
 * A checkpoint's two outside guarantees: an RFC 3161 timestamp over its statement (when it was made) and the
 * authority's detached CMS seal over it (who vouches for it), and their check. The seal's algorithm is the settings'
 * for {@link DocumentKind#AUDIT_CHECKPOINT} (ECDSA P-256, which openssl verifies).
 */
@Component
class CheckpointSeals {

    private final TimeStamping timeStamping;
    private final Sealing sealing;
    private final SealCertificates certificates;

    CheckpointSeals(TimeStamping timeStamping, Sealing sealing, SealCertificates certificates) {
        this.timeStamping = timeStamping;
        this.sealing = sealing;
        this.certificates = certificates;
    }

    /** The timestamp token and the seal over a statement, and the seal register's record of the seal. */
    record Stamped(byte[] timestampToken, byte[] seal, String registerId) {
    }

    /** Timestamps and seals a statement; the seal is registered and audited in the caller's transaction. */
    Stamped stampAndSeal(byte[] statement, long number) {
        try {
            TimeStampToken token = timeStamping.stamp(sha256(statement), NISTObjectIdentifiers.id_sha256);
            Sealing.Sealed sealed = sealing.seal(statement, SealFormat.CMS, new SealRequest(DocumentKind.AUDIT_CHECKPOINT,
                    certificates.authorityDepartment(), "checkpoint:" + number, "审计检查点 Audit checkpoint " + number));
            return new Stamped(token.getEncoded(), sealed.seal(), sealed.registerId());
        } catch (IOException e) {
            throw new UncheckedIOException("the timestamp token of checkpoint " + number + " cannot be encoded", e);
        }
    }

    /** Checks checkpoints against the platform's trust as it stands now, read once for all of them. */
    Check check() {
        TrustMaterial trust = certificates.trust();
        String authority = certificates.authorityDepartment();
        return checkpoint -> {
            SealVerdict verdict = sealing.verify(checkpoint.statement(), checkpoint.seal(), trust);
            if (!verdict.valid()) {
                return "its seal does not verify (" + verdict.reason() + "): " + verdict.message();
            }
            if (verdict.format() != SealFormat.CMS || !authority.equals(verdict.department())) {
                return "it is sealed by " + verdict.department() + " in " + verdict.format()
                        + ", not by the authority's CMS seal";
            }
            TrustMaterial.TimestampCheck stamp;
            try {
                stamp = trust.checkTimestamp(token(checkpoint.timestampToken()), checkpoint.statement());
            } catch (IllegalArgumentException e) {
                return "its timestamp token cannot be read: " + e.getMessage();
            }
            return stamp.holds() ? null : "its timestamp does not verify: " + stamp.message();
        };
    }

    /** Why a checkpoint's seal or timestamp does not hold; null when both do. */
    interface Check {
        String problemWith(Checkpoint checkpoint);
    }

    /**
     * The certificates that check a checkpoint, PEM: the roots that issued its seal's signer and its timestamping
     * authority (give them to openssl as {@code -CAfile}) when {@code rootsOnly}, else those followed by the signer's
     * and the authority's certificates as the checkpoint carries them.
     */
    String certificatesPem(Checkpoint checkpoint, boolean rootsOnly) {
        List<X509Certificate> carried = new ArrayList<>();
        carried.addAll(carriedBy(checkpoint.seal()));
        carried.addAll(carriedBy(checkpoint.timestampToken()));
        Map<String, X509Certificate> chosen = new LinkedHashMap<>();
        for (X509Certificate root : certificates.trust().roots()) {
            if (carried.stream().anyMatch(c -> c.getIssuerX500Principal().equals(root.getSubjectX500Principal()))) {
                chosen.put(root.getSerialNumber() + "@" + root.getSubjectX500Principal(), root);
            }
        }
        if (!rootsOnly) {
            carried.forEach(c -> chosen.putIfAbsent(c.getSerialNumber() + "@" + c.getIssuerX500Principal(), c));
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            for (X509Certificate certificate : chosen.values()) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("certificates cannot be written as PEM", e);
        }
        return pem.toString();
    }

    private static List<X509Certificate> carriedBy(byte[] signedData) {
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = new CMSSignedData(signedData).getCertificates().getMatches(null);
            return holders.stream().map(TrustMaterial::certificate).toList();
        } catch (CMSException e) {
            return List.of();
        }
    }

    private static TimeStampToken token(byte[] der) {
        try {
            return new TimeStampToken(new CMSSignedData(der));
        } catch (CMSException | TSPException | IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
