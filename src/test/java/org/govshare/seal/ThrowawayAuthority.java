package org.govshare.seal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** A certificate authority and time-stamping authority the platform has never heard of, for seals it must not trust. */
public record ThrowawayAuthority(SealAlgorithm algorithm, X509Certificate root, KeyPair rootKeys) {

    public static ThrowawayAuthority authority(SealAlgorithm algorithm) {
        KeyPair keys = algorithm.newKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new ThrowawayAuthority(algorithm, CertificateMaker.selfSignedRoot(CertificateMaker.name("Elsewhere", "ca",
                "Elsewhere root"), keys, algorithm, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))), keys);
    }

    /** A key with a certificate this authority issued to a department code (its OU, as the platform names it). */
    public SealingKey sealingKey(String department) {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate certificate = issue(CertificateMaker.name("Elsewhere", department, department), keys, false);
        return new SealingKey(department, algorithm, keys.getPrivate(), certificate, List.of(certificate, root));
    }

    /** An RFC 3161 authority whose certificate this CA issued, marked for time-stamping. */
    public TimeStamping timeStamping() {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate tsa = issue(CertificateMaker.name("Elsewhere", "tsa", "Elsewhere TSA"), keys, true);
        return (digest, digestAlgorithm) -> {
            try {
                SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.PROVIDER)
                        .build(algorithm.signatureAlgorithm(), keys.getPrivate(), tsa);
                TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signer,
                        new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build()
                                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                        new ASN1ObjectIdentifier("1.2.3.4.5"));
                generator.addCertificates(new JcaCertStore(List.of(tsa)));
                TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
                requests.setCertReq(true);
                return generator.generate(requests.generate(digestAlgorithm, digest), BigInteger.ONE, new Date());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private X509Certificate issue(org.bouncycastle.asn1.x500.X500Name subject, KeyPair keys, boolean timeStamping) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return CertificateMaker.issue(root, rootKeys.getPrivate(), subject, keys, algorithm,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), timeStamping);
    }
}
