package org.govshare.seal.ses;

import java.util.Optional;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * A seal on a document, GB/T 38540-2020 {@code SES_Signature}, version 4:
 * <pre>
 * SES_Signature ::= SEQUENCE {
 *     toSign          TBS_Sign,
 *     cert            OCTET STRING,                    -- the signer's certificate (DER)
 *     signatureAlgID  OBJECT IDENTIFIER,
 *     signature       BIT STRING,                      -- over the DER of toSign
 *     timeStamp       [0] EXPLICIT BIT STRING OPTIONAL }
 * </pre>
 * The time stamp is an RFC 3161 {@code TimeStampToken} (its DER) over the signature value, so the seal proves it
 * existed at the stamped time whatever the signer wrote in {@code timeInfo}.
 */
public final class SesSignature extends ASN1Object {

    private static final int TIME_STAMP = 0;

    private final TbsSign toSign;
    private final ASN1OctetString cert;
    private final ASN1ObjectIdentifier signatureAlgId;
    private final ASN1BitString signature;
    private final ASN1BitString timeStamp;

    public SesSignature(TbsSign toSign, byte[] signerCertificate, ASN1ObjectIdentifier signatureAlgId, byte[] signature) {
        this(toSign, new DEROctetString(signerCertificate), signatureAlgId, new DERBitString(signature), null);
    }

    private SesSignature(TbsSign toSign, ASN1OctetString cert, ASN1ObjectIdentifier signatureAlgId,
                         ASN1BitString signature, ASN1BitString timeStamp) {
        this.toSign = toSign;
        this.cert = cert;
        this.signatureAlgId = signatureAlgId;
        this.signature = signature;
        this.timeStamp = timeStamp;
    }

    public static SesSignature getInstance(Object o) {
        if (o == null || o instanceof SesSignature) {
            return (SesSignature) o;
        }
        ASN1Sequence seq = Asn1.sequence(o, "SES_Signature", 4, 5);
        ASN1BitString timeStamp = null;
        if (seq.size() == 5) {
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(seq.getObjectAt(4), BERTags.CONTEXT_SPECIFIC, TIME_STAMP);
            timeStamp = Asn1.bytes(ASN1BitString.getInstance(tagged, true));
        }
        return new SesSignature(TbsSign.getInstance(seq.getObjectAt(0)), ASN1OctetString.getInstance(seq.getObjectAt(1)),
                ASN1ObjectIdentifier.getInstance(seq.getObjectAt(2)), Asn1.bytes(seq.getObjectAt(3)),
                timeStamp);
    }

    /** The same signature with a time stamp (the DER of a TimeStampToken) over its signature value. */
    public SesSignature withTimeStamp(byte[] timeStampToken) {
        return new SesSignature(toSign, cert, signatureAlgId, signature, new DERBitString(timeStampToken));
    }

    public TbsSign toSign() {
        return toSign;
    }

    public byte[] signerCertificate() {
        return cert.getOctets();
    }

    public ASN1ObjectIdentifier signatureAlgId() {
        return signatureAlgId;
    }

    public byte[] signature() {
        return signature.getOctets();
    }

    /** The DER of the RFC 3161 TimeStampToken, when the signature carries one. */
    public Optional<byte[]> timeStamp() {
        return Optional.ofNullable(timeStamp).map(ASN1BitString::getOctets);
    }

    /** The signature as DER: what a sealed document travels with. */
    public byte[] der() {
        return Asn1.der(this);
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(5);
        v.add(toSign);
        v.add(cert);
        v.add(signatureAlgId);
        v.add(signature);
        if (timeStamp != null) {
            v.add(new DERTaggedObject(true, TIME_STAMP, timeStamp));
        }
        return new DERSequence(v);
    }
}
