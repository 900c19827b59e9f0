package org.govshare.seal.ses;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.govshare.seal.InvalidReason;
import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.TrustMaterial;
import org.govshare.seal.TrustMaterial.CertificateCheck;
import org.govshare.seal.TrustMaterial.TimestampCheck;

/**
 * Checks a GB/T 38540 seal on a document with nothing but the trust material given, so that it answers the same on
 * the platform and offline. The checks run in a fixed order and the first that fails names the reason:
 * <ol>
 * <li>MALFORMED: not a version 4 {@code SES_Signature}, or certificates or algorithms it carries cannot be read;</li>
 * <li>CONTENT_CHANGED: the document's digest is not {@code dataHash};</li>
 * <li>UNKNOWN_SIGNER: the maker's signature over the seal or the signer's over {@code TBS_Sign} fails, the signer's
 * certificate is not one the seal lists, or either certificate is not issued under a trusted root;</li>
 * <li>REVOKED: the seal is revoked, or either certificate was revoked at or before the time of signing;</li>
 * <li>OUTSIDE_VALIDITY: the time of signing is outside the seal's validity or either certificate's;</li>
 * <li>BAD_TIMESTAMP: the time stamp is missing, does not verify, or is over other bytes than the signature value.</li>
 * </ol>
 * The time of signing is the one the stamp vouches for when it holds, else the signer's {@code timeInfo}: a signer
 * cannot date a seal back to before a revocation.
 */
final class SesVerifier {

    private SesVerifier() {
    }

    static SealVerdict verify(byte[] document, byte[] seal, TrustMaterial trust) {
        if (document == null) {
            return SealVerdict.invalid(SealFormat.SES, InvalidReason.MALFORMED,
                    "a GB/T 38540 seal is detached: give the document it seals beside it");
        }
        Read read;
        try {
            read = Read.of(seal);
        } catch (IllegalArgumentException e) {
            return SealVerdict.invalid(SealFormat.SES, InvalidReason.MALFORMED,
                    "not a GB/T 38540 version 4 seal: " + e.getMessage());
        }
        TbsSign toSign = read.signature().toSign();
        SESeal eseal = toSign.eseal();
        PropertyInfo property = eseal.sealInfo().property();
        TimestampCheck time = read.timestamp().map(t -> trust.checkTimestamp(t, read.signature().signature()))
                .orElseGet(() -> new TimestampCheck(false, read.timestampProblem(), null));
        Instant at = time.holds() ? time.time() : toSign.timeInfo();
        CertificateCheck maker = trust.check(read.maker(), at);
        CertificateCheck signer = trust.check(read.signer(), at);
        String esId = eseal.sealInfo().esId();
        SealVerdict found = new SealVerdict(true, null, "the seal holds", SealFormat.SES, read.algorithm(),
                signer.holds() ? signer.department() : TrustMaterial.departmentOf(read.signer()), esId, toSign.timeInfo(),
                time.time(), signer.serial(), signer.status(), null);

        if (!MessageDigest.isEqual(toSign.dataHash(), read.algorithm().digest(document))) {
            return found.refuse(InvalidReason.CONTENT_CHANGED, "the document is not the one sealed: its digest differs");
        }
        if (!Signatures.hold(eseal.signedBytes(), eseal.signedValue(), read.maker(), read.sealAlgorithm())) {
            return found.refuse(InvalidReason.UNKNOWN_SIGNER, "the seal maker's signature over the seal " + esId + " does not hold");
        }
        if (!Signatures.hold(toSign.der(), read.signature().signature(), read.signer(), read.algorithm())) {
            return found.refuse(InvalidReason.UNKNOWN_SIGNER, "the signature does not hold for the signer's certificate");
        }
        if (property.certificates().stream().noneMatch(c -> Arrays.equals(c, read.signature().signerCertificate()))) {
            return found.refuse(InvalidReason.UNKNOWN_SIGNER, "the signer's certificate is not one the seal " + esId + " lists");
        }
        Optional<SealVerdict> refused = refusedFor(found, InvalidReason.UNKNOWN_SIGNER, maker, signer);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (trust.revokedSealIds().contains(esId)) {
            return found.refuse(InvalidReason.REVOKED, "the seal " + esId + " is revoked");
        }
        refused = refusedFor(found, InvalidReason.REVOKED, maker, signer);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (at.isBefore(property.validStart()) || at.isAfter(property.validEnd())) {
            return found.refuse(InvalidReason.OUTSIDE_VALIDITY, "the seal was applied at " + at + ", outside the validity of "
                    + esId + ", " + property.validStart() + " to " + property.validEnd());
        }
        refused = refusedFor(found, InvalidReason.OUTSIDE_VALIDITY, maker, signer);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!time.holds()) {
            return found.refuse(InvalidReason.BAD_TIMESTAMP, time.message());
        }
        return found;
    }

    /** The first of the certificate checks that failed for this reason, the maker's before the signer's. */
    private static Optional<SealVerdict> refusedFor(SealVerdict found, InvalidReason reason, CertificateCheck... checks) {
        return Arrays.stream(checks).filter(c -> !c.holds() && c.reason() == reason).findFirst()
                .map(c -> found.refuse(reason, c.message()));
    }

    /** A seal read whole: the structure, the two certificates, the algorithms, and the stamp when it reads. */
    private record Read(SesSignature signature, X509Certificate signer, X509Certificate maker, SealAlgorithm algorithm,
                        SealAlgorithm sealAlgorithm, Optional<TimeStampToken> timestamp, String timestampProblem) {

        static Read of(byte[] bytes) {
            SesSignature signature = SesSignature.getInstance(bytes);
            SealHeader header = signature.toSign().eseal().sealInfo().header();
            if (!SealHeader.ID.equals(header.id()) || header.version() != SealHeader.VERSION
                    || signature.toSign().version() != TbsSign.VERSION) {
                throw new IllegalArgumentException("header " + header.id() + " version " + header.version()
                        + ", signature version " + signature.toSign().version() + "; ES version 4 expected");
            }
            SESeal eseal = signature.toSign().eseal();
            String problem = null;
            TimeStampToken token = null;
            if (signature.timeStamp().isEmpty()) {
                problem = "the seal carries no timestamp";
            } else {
                try {
                    token = new TimeStampToken(new CMSSignedData(signature.timeStamp().get()));
                } catch (Exception e) {
                    problem = "the timestamp is not an RFC 3161 token: " + e.getMessage();
                }
            }
            return new Read(signature, certificate(signature.signerCertificate(), "signer"),
                    certificate(eseal.makerCertificate(), "seal maker"), algorithm(signature.signatureAlgId().getId()),
                    algorithm(eseal.signAlgId().getId()), Optional.ofNullable(token), problem);
        }

        private static SealAlgorithm algorithm(String oid) {
            return SealAlgorithm.ofSignature(oid).orElseThrow(() -> new IllegalArgumentException(
                    "signed with " + oid + ", which is neither " + List.of(SealAlgorithm.values())));
        }

        private static X509Certificate certificate(byte[] der, String whose) {
            try {
                return TrustMaterial.certificate(new X509CertificateHolder(der));
            } catch (Exception e) {
                throw new IllegalArgumentException("the " + whose + "'s certificate cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
