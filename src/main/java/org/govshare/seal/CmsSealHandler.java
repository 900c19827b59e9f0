package org.govshare.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

/**
 * Seals data with a detached CMS SignedData (RFC 5652): the signed attributes carry the content type, the signing
 * time and the content's digest; the unsigned ones an RFC 3161 token over the signature value (the CAdES
 * signature-time-stamp), so the time of sealing does not rest on the signer's word. The signer's certificate travels
 * inside; the root does not, a verifier must already trust it.
 */
@Component
class CmsSealHandler implements SealFormatHandler {

    private final TimeStamping timeStamping;

    CmsSealHandler(TimeStamping timeStamping) {
        this.timeStamping = timeStamping;
    }

    @Override
    public SealFormat format() {
        return SealFormat.CMS;
    }

    @Override
    public byte[] seal(byte[] document, SealRequest request, SealingKey key) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                    .build(new JcaContentSignerBuilder(key.algorithm().signatureAlgorithm())
                            .setProvider(BouncyCastle.PROVIDER).build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(document), false);
            return withTimestamp(signed, key.algorithm()).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("the document cannot be sealed in CMS: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean recognises(byte[] seal) {
        try {
            return new CMSSignedData(seal).isDetachedSignature();
        } catch (CMSException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public SealVerdict verify(byte[] document, byte[] seal, TrustMaterial trust) {
        if (document == null) {
            return SealVerdict.invalid(SealFormat.CMS, InvalidReason.MALFORMED,
                    "a CMS seal is detached: give the document it seals beside it");
        }
        SignerInformation signer;
        X509Certificate certificate;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(document), seal);
            signer = signed.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return SealVerdict.invalid(SealFormat.CMS, InvalidReason.UNKNOWN_SIGNER, "the seal does not carry its signer's certificate");
            }
            certificate = TrustMaterial.certificate(matches.iterator().next());
        } catch (Exception e) {
            return SealVerdict.invalid(SealFormat.CMS, InvalidReason.MALFORMED, "not a CMS seal: " + e.getMessage());
        }
        SealAlgorithm algorithm = SealAlgorithm.ofSignature(certificate.getSigAlgName()).orElse(null);
        Instant signedAt = signingTime(signer);
        String serial = certificate.getSerialNumber().toString(16);
        SealVerdict found = new SealVerdict(true, null, "the seal holds", SealFormat.CMS, algorithm,
                TrustMaterial.departmentOf(certificate), serial, signedAt, null, serial, null, null);
        try {
            // by its key, not its certificate: Bouncy Castle would refuse a certificate outside its validity at the
            // signing time as an unreadable signature; whether it was valid when sealed is the trust check's, below
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(certificate.getPublicKey()))) {
                return found.refuse(InvalidReason.UNKNOWN_SIGNER, "the signature does not hold for the certificate it names");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return found.refuse(InvalidReason.CONTENT_CHANGED, "the document is not the one sealed: its digest differs");
        } catch (Exception e) {
            return found.refuse(InvalidReason.UNKNOWN_SIGNER, "the signature cannot be checked: " + e.getMessage());
        }
        return Verdicts.checkSigner(found, certificate, timestampOf(signer), signer.getSignature(), trust);
    }

    private CMSSignedData withTimestamp(CMSSignedData signed, SealAlgorithm algorithm) throws Exception {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = timeStamping.stamp(algorithm.digest(signer.getSignature()), algorithm.digestOid());
        AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure())));
        return CMSSignedData.replaceSigners(signed,
                new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(signer, unsigned)));
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute time = signed == null ? null : signed.get(CMSAttributes.signingTime);
        return time == null ? null : Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    /** The signature-time-stamp token a CAdES signer carries, or null. */
    static TimeStampToken timestampOf(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            ASN1Encodable token = attribute.getAttrValues().getObjectAt(0);
            return new TimeStampToken(new CMSSignedData(token.toASN1Primitive().getEncoded("DER")));
        } catch (Exception e) {
            return null;
        }
    }
}
