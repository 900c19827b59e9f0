package org.govshare.seal;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The platform's own RFC 3161 time-stamping authority, with Bouncy Castle's {@code tsp}: its key and certificate (marked
 * for time-stamping only) come from the platform's CA, its serial numbers from a database sequence, so that two nodes
 * never give one serial twice. Its time is the machine's clock: production keeps it in step by NTP.
 */
public class PlatformTimeStampAuthority implements TimeStamping {

    private final SealCertificates certificates;
    private final ASN1ObjectIdentifier policy;
    private final CertificateStore store;
    private final Clock clock;

    PlatformTimeStampAuthority(SealCertificates certificates, String policy, CertificateStore store, Clock clock) {
        this.certificates = certificates;
        this.policy = new ASN1ObjectIdentifier(policy);
        this.store = store;
        this.clock = clock;
    }

    @Override
    public TimeStampToken stamp(byte[] digest, ASN1ObjectIdentifier digestAlgorithm) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return answer(requests.generate(digestAlgorithm, digest));
    }

    /** Answers a request as it came over HTTP or from {@link #stamp}. */
    TimeStampToken answer(TimeStampRequest request) {
        SealingKey tsa = certificates.timeStampAuthority();
        try {
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(tsa.algorithm().signatureAlgorithm(), tsa.privateKey(), tsa.certificate());
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signer,
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    policy);
            generator.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
            return generator.generate(request, BigInteger.valueOf(store.nextTimestampSerial()), Date.from(clock.instant()));
        } catch (Exception e) {
            throw new IllegalStateException("the platform's time-stamping authority cannot answer: " + e.getMessage(), e);
        }
    }
}
