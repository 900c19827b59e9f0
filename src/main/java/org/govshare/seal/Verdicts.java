package org.govshare.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.bouncycastle.tsp.TimeStampToken;

/**
 * The checks every format makes once its own signature holds: the timestamp over the signature value, then the
 * signer's certificate (chain, revocation, validity) as of the time the timestamp vouches for.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Why a certificate under a trusted root still may not seal a document: the time-stamping authority's and the
     * platform's own (the seal maker's) certificates sign timestamps and seal objects, never documents.
     */
    static String notASealCertificate(X509Certificate certificate) {
        try {
            java.util.List<String> purposes = certificate.getExtendedKeyUsage();
            if (purposes != null && purposes.contains(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping.getId())) {
                return "the signer's certificate is a time-stamping authority's: it does not seal documents";
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return "the signer's certificate names purposes that cannot be read";
        }
        if (SealCertificates.PLATFORM.equals(TrustMaterial.departmentOf(certificate))) {
            return "the signer's certificate is the platform's own, which makes seals but does not seal documents";
        }
        return null;
    }

    /**
     * @param found what the format's own checks found, valid so far
     * @param signature the signature value the timestamp is over
     */
    public static SealVerdict checkSigner(SealVerdict found, X509Certificate certificate, TimeStampToken timestamp,
                                          byte[] signature, TrustMaterial trust) {
        TrustMaterial.TimestampCheck time = trust.checkTimestamp(timestamp, signature);
        Instant at = time.holds() ? time.time() : found.signedAt() != null ? found.signedAt() : Instant.now();
        TrustMaterial.CertificateCheck signer = trust.check(certificate, at);
        SealVerdict checked = new SealVerdict(true, null, "the seal holds", found.format(), found.algorithm(),
                signer.holds() ? signer.department() : found.department(), found.sealId(), found.signedAt(),
                time.time(), signer.serial(), signer.status(), found.registerId());
        if (!signer.holds()) {
            return checked.refuse(signer.reason(), signer.message());
        }
        String notASeal = notASealCertificate(certificate);
        if (notASeal != null) {
            return checked.refuse(InvalidReason.UNKNOWN_SIGNER, notASeal);
        }
        if (!time.holds()) {
            return checked.refuse(InvalidReason.BAD_TIMESTAMP, time.message());
        }
        return checked;
    }
}
