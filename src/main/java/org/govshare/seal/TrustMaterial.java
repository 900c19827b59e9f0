package org.govshare.seal;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * What a verification trusts: the platform's roots, the timestamping authorities' certificates, the current CRLs and
 * the revoked seals. Built from stored state online ({@link SealCertificates#trust()}) and from an evidence package
 * offline; reads nothing else.
 */
public record TrustMaterial(List<X509Certificate> roots, List<X509Certificate> timestampAuthorities,
                            List<X509CRL> crls, Set<String> revokedSealIds) {

    public TrustMaterial {
        roots = List.copyOf(roots);
        timestampAuthorities = List.copyOf(timestampAuthorities);
        crls = List.copyOf(crls);
        revokedSealIds = Set.copyOf(revokedSealIds);
    }

    /**
     * Checks a signer's certificate as of the time it sealed: issued and signed by a trusted root, not revoked at or
     * before that time, within its validity then.
     */
    public CertificateCheck check(X509Certificate certificate, Instant at) {
        String serial = certificate.getSerialNumber().toString(16);
        Optional<X509Certificate> root = issuerOf(certificate);
        if (root.isEmpty()) {
            return CertificateCheck.refused(InvalidReason.UNKNOWN_SIGNER, serial, "UNKNOWN",
                    "the certificate " + serial + " (" + certificate.getSubjectX500Principal().getName()
                            + ") is not issued under a trusted root");
        }
        Optional<Instant> revokedAt = revokedAt(certificate, root.get());
        String statusNow = revokedAt.isPresent() ? "REVOKED"
                : certificate.getNotAfter().toInstant().isBefore(Instant.now()) ? "EXPIRED" : "VALID";
        if (revokedAt.isPresent() && !revokedAt.get().isAfter(at)) {
            return CertificateCheck.refused(InvalidReason.REVOKED, serial, statusNow,
                    "the certificate " + serial + " was revoked at " + revokedAt.get() + ", before the seal was made at " + at);
        }
        if (at.isBefore(certificate.getNotBefore().toInstant()) || at.isAfter(certificate.getNotAfter().toInstant())) {
            return CertificateCheck.refused(InvalidReason.OUTSIDE_VALIDITY, serial, statusNow,
                    "the seal was made at " + at + ", outside the certificate's validity " + certificate.getNotBefore().toInstant()
                            + " to " + certificate.getNotAfter().toInstant());
        }
        return new CertificateCheck(true, null, null, serial, statusNow, departmentOf(certificate));
    }

    /**
     * Checks an RFC 3161 token over these bytes: signed by a timestamping authority whose certificate is trusted (a
     * listed one, or one issued under a root with the time-stamping purpose), and its imprint is their hash.
     */
    public TimestampCheck checkTimestamp(TimeStampToken token, byte[] stampedData) {
        if (token == null) {
            return TimestampCheck.refused("the seal carries no timestamp");
        }
        try {
            X509Certificate tsa = tsaCertificate(token).orElse(null);
            if (tsa == null) {
                return TimestampCheck.refused("the timestamp is signed by an authority the platform does not trust");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsa));
            Instant stampedAt = token.getTimeStampInfo().getGenTime().toInstant();
            if (!roots.contains(tsa)) {
                // a time-stamping key revoked (say, after it leaked) must not vouch for times after its revocation
                CertificateCheck authority = check(tsa, stampedAt);
                if (!authority.holds()) {
                    return TimestampCheck.refused("the time-stamping authority's certificate does not hold: " + authority.message());
                }
            }
            AlgorithmIdentifier digestAlgorithm = token.getTimeStampInfo().getHashAlgorithm();
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build()
                    .get(digestAlgorithm);
            digest.getOutputStream().write(stampedData);
            if (!Arrays.equals(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return TimestampCheck.refused("the timestamp is over other bytes than this seal's signature");
            }
            return new TimestampCheck(true, null, stampedAt);
        } catch (Exception e) {
            return TimestampCheck.refused("the timestamp does not verify: " + e.getMessage());
        }
    }

    /** The department code a platform certificate names (its OU), or its common name for others. */
    public static String departmentOf(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var units = subject.getRDNs(BCStyle.OU);
        if (units.length > 0) {
            return units[0].getFirst().getValue().toString();
        }
        var names = subject.getRDNs(BCStyle.CN);
        return names.length > 0 ? names[0].getFirst().getValue().toString() : subject.toString();
    }

    /** Reads a certificate carried as DER (in a CMS or SES structure) with the provider that knows SM2 keys. */
    public static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    private Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        return roots.stream()
                .filter(root -> root.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(root -> signedBy(certificate, root))
                .findFirst();
    }

    private Optional<Instant> revokedAt(X509Certificate certificate, X509Certificate root) {
        BigInteger serial = certificate.getSerialNumber();
        return crls.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(root.getSubjectX500Principal()))
                .filter(crl -> crlSignedBy(crl, root))
                .map(crl -> crl.getRevokedCertificate(serial))
                .filter(java.util.Objects::nonNull)
                .map(X509CRLEntry::getRevocationDate)
                .map(Date::toInstant)
                .min(Instant::compareTo);
    }

    /**
     * The certificate the token names, listed or carried, and only if it is a trusted root itself or issued under one:
     * a certificate an attacker puts in the token, or in a list, proves nothing on its own.
     */
    private Optional<X509Certificate> tsaCertificate(TimeStampToken token) throws Exception {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> carried = token.getCertificates().getMatches(token.getSID());
        List<X509Certificate> candidates = new java.util.ArrayList<>();
        for (X509Certificate listed : timestampAuthorities) {
            if (token.getSID().match(new X509CertificateHolder(listed.getEncoded()))) {
                candidates.add(listed);
            }
        }
        for (X509CertificateHolder holder : carried) {
            candidates.add(certificate(holder));
        }
        return candidates.stream().filter(c -> roots.contains(c) || issuerOf(c).isPresent()).findFirst();
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate root) {
        try {
            certificate.verify(root.getPublicKey(), BouncyCastle.provider());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean crlSignedBy(X509CRL crl, X509Certificate root) {
        try {
            crl.verify(root.getPublicKey(), BouncyCastle.provider());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * @param department the department the certificate names, when it holds
     * @param status the certificate's status now: VALID, REVOKED, EXPIRED or UNKNOWN
     */
    public record CertificateCheck(boolean holds, InvalidReason reason, String message, String serial, String status,
                                   String department) {

        static CertificateCheck refused(InvalidReason reason, String serial, String status, String message) {
            return new CertificateCheck(false, reason, message, serial, status, null);
        }
    }

    /** @param time the time the authority vouches for, when it holds */
    public record TimestampCheck(boolean holds, String message, Instant time) {

        static TimestampCheck refused(String message) {
            return new TimestampCheck(false, message, null);
        }
    }
}
