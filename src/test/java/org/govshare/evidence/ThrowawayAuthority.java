package org.govshare.evidence;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.govshare.seal.BouncyCastle;

/**
 * What a forger makes in a minute with nothing of the platform's: a root of their own, a time-stamping authority and
 * a seal certificate under it whose OU is the sharing authority's code, and detached CMS seals, timestamped, that hold
 * against that root. A package checked against its own roots cannot tell them from the platform's.
 */
final class ThrowawayAuthority {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    final X509Certificate root;
    final X509Certificate timeStamping;
    private final KeyPair timeStampingKeys;
    private final X509Certificate sealer;
    private final KeyPair sealerKeys;

    ThrowawayAuthority(String department) throws Exception {
        KeyPair rootKeys = keys();
        X500Name rootName = new X500Name("CN=GovShare 根证书 (ECDSA),OU=platform,O=GovShare,C=CN");
        root = certificate(rootName, rootName, rootKeys, rootKeys, null);
        timeStampingKeys = keys();
        timeStamping = certificate(new X500Name("CN=GovShare TSA,OU=platform,O=GovShare,C=CN"), rootName,
                timeStampingKeys, rootKeys, KeyPurposeId.id_kp_timeStamping);
        sealerKeys = keys();
        sealer = certificate(new X500Name("CN=" + department + ",OU=" + department + ",O=GovShare,C=CN"), rootName,
                sealerKeys, rootKeys, null);
    }

    /** A detached CMS seal over the document with the signature-time-stamp the platform's seals carry. */
    byte[] seal(byte[] document) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                .build(new JcaContentSignerBuilder(SIGNATURE).setProvider(BouncyCastle.PROVIDER)
                        .build(sealerKeys.getPrivate()), sealer));
        generator.addCertificates(new JcaCertStore(List.of(sealer)));
        CMSSignedData signed = generator.generate(new CMSProcessableByteArray(document), false);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = stamp(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
        AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure())));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(
                SignerInformation.replaceUnsignedAttributes(signer, unsigned))).getEncoded("DER");
    }

    /** An RFC 3161 token (DER) over the bytes, as the platform timestamps a checkpoint's statement. */
    byte[] timestamp(byte[] data) throws Exception {
        return stamp(MessageDigest.getInstance("SHA-256").digest(data)).getEncoded();
    }

    private TimeStampToken stamp(byte[] sha256) throws Exception {
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .setProvider(BouncyCastle.PROVIDER).build(SIGNATURE, timeStampingKeys.getPrivate(), timeStamping),
                new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build()
                        .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.2.3.4.5"));
        generator.addCertificates(new JcaCertStore(List.of(timeStamping)));
        TimeStampRequestGenerator request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        return generator.generate(request.generate(TSPAlgorithms.SHA256, sha256),
                BigInteger.valueOf(SERIALS.incrementAndGet()), new Date());
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys,
                                               KeyPurposeId purpose) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(subject.equals(issuer)));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
        }
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(builder.build(
                new JcaContentSignerBuilder(SIGNATURE).setProvider(BouncyCastle.PROVIDER).build(issuerKeys.getPrivate())));
    }
}
