package org.govshare.seal.ses;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.govshare.seal.BouncyCastle;
import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealingKey;

/** A certificate authority the platform has never heard of, for seals that must not be trusted. */
final class ThrowawayAuthority {

    private final SealAlgorithm algorithm;
    private final KeyPair rootKeys;
    private final X509Certificate root;

    ThrowawayAuthority(SealAlgorithm algorithm) {
        // SealAlgorithm names the provider by a constant, which registers nothing: register it first
        BouncyCastle.provider();
        this.algorithm = algorithm;
        this.rootKeys = algorithm.newKeyPair();
        X500Name name = new X500Name("CN=Throwaway root,O=Nobody,C=CN");
        this.root = certificate(name, name, rootKeys, true);
    }

    /** A key with a certificate this authority issued to a department code (the OU, as the platform's name it). */
    SealingKey issue(String department) {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate certificate = certificate(new X500Name("CN=" + department + ",OU=" + department + ",O=Nobody,C=CN"),
                X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), keys, false);
        return new SealingKey(department, algorithm, keys.getPrivate(), certificate, List.of(certificate, root));
    }

    private X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair keys, boolean authority) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.provider()).getCertificate(builder.build(
                    new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).setProvider(BouncyCastle.provider())
                            .build(authority ? keys.getPrivate() : rootKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("a throwaway certificate could not be made", e);
        }
    }
}
