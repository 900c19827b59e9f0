package org.govshare.seal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds the platform's certificates and CRLs with Bouncy Castle; keeps nothing. */
final class CertificateMaker {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMaker() {
    }

    static X500Name name(String organisation, String unit, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.OU, unit).addRDN(BCStyle.CN, commonName).build();
    }

    static X509Certificate selfSignedRoot(X500Name subject, KeyPair keys, SealAlgorithm algorithm, Instant from, Instant to) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(from),
                    Date.from(to), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate(), algorithm);
        } catch (Exception e) {
            throw new IllegalStateException("the platform root cannot be made", e);
        }
    }

    /** A certificate for a signing key under the root; {@code timeStamping} marks the TSA's. */
    static X509Certificate issue(X509Certificate root, PrivateKey rootKey, X500Name subject, KeyPair keys,
                                 SealAlgorithm algorithm, Instant from, Instant to, boolean timeStamping) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(), Date.from(from),
                    Date.from(to), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(timeStamping ? KeyUsage.digitalSignature
                            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(root));
            if (timeStamping) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return sign(builder, rootKey, algorithm);
        } catch (Exception e) {
            throw new IllegalStateException("a certificate cannot be issued for " + subject, e);
        }
    }

    static X509CRL crl(X509Certificate root, PrivateKey rootKey, SealAlgorithm algorithm, long number,
                       List<IssuedCertificate> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            for (IssuedCertificate c : revoked) {
                builder.addCRLEntry(new BigInteger(c.serial(), 16), Date.from(c.revokedAt()), CRLReason.unspecified);
            }
            ContentSigner signer = new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
                    .setProvider(BouncyCastle.PROVIDER).build(rootKey);
            return new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER).getCRL(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("the " + algorithm + " CRL cannot be made", e);
        }
    }

    static Instant endOf(Instant from, java.time.Period validity) {
        return from.atOffset(ZoneOffset.UTC).plus(validity).toInstant();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, SealAlgorithm algorithm)
            throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
                .setProvider(BouncyCastle.PROVIDER).build(key);
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(builder.build(signer));
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }
}
