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
        if (!time.holds()) {
            return checked.refuse(InvalidReason.BAD_TIMESTAMP, time.message());
        }
        return checked;
    }
}
