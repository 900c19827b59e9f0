package org.govshare.seal;

import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
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
            CMSSignedData signed = CmsSignatures.sign(document, key, new DefaultSignedAttributeTableGenerator(),
                    List.of(key.certificate()));
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
        return CmsSignatures.verify(SealFormat.CMS, document, seal, CmsSealHandler::signingTime, trust);
    }

    /** The signer's CAdES signature-time-stamp added: the PAdES seal stamps its signature the same way. */
    CMSSignedData withTimestamp(CMSSignedData signed, SealAlgorithm algorithm) throws Exception {
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
