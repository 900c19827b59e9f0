package org.govshare.seal.ses;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * An electronic seal, GB/T 38540-2020 {@code SESeal}, version 4:
 * <pre>
 * SESeal ::= SEQUENCE {
 *     eSealInfo    SES_SealInfo,
 *     cert         OCTET STRING,        -- the seal maker's certificate (DER)
 *     signAlgID    OBJECT IDENTIFIER,   -- how the maker signed: SM3withSM2, or ECDSA with SHA-256
 *     signedValue  BIT STRING }         -- the maker's signature over the DER of eSealInfo
 * </pre>
 * Version 4 put the maker's certificate, algorithm and signature straight into the seal; earlier editions wrapped
 * them in a {@code SES_SignInfo}.
 */
public final class SESeal extends ASN1Object {

    private final SealInfo sealInfo;
    private final ASN1OctetString cert;
    private final ASN1ObjectIdentifier signAlgId;
    private final ASN1BitString signedValue;

    public SESeal(SealInfo sealInfo, byte[] makerCertificate, ASN1ObjectIdentifier signAlgId, byte[] signedValue) {
        this(sealInfo, new DEROctetString(makerCertificate), signAlgId, new DERBitString(signedValue));
    }

    private SESeal(SealInfo sealInfo, ASN1OctetString cert, ASN1ObjectIdentifier signAlgId, ASN1BitString signedValue) {
        this.sealInfo = sealInfo;
        this.cert = cert;
        this.signAlgId = signAlgId;
        this.signedValue = signedValue;
    }

    public static SESeal getInstance(Object o) {
        if (o == null || o instanceof SESeal) {
            return (SESeal) o;
        }
        ASN1Sequence seq = Asn1.sequence(o, "SESeal", 4, 4);
        return new SESeal(SealInfo.getInstance(seq.getObjectAt(0)), ASN1OctetString.getInstance(seq.getObjectAt(1)),
                ASN1ObjectIdentifier.getInstance(seq.getObjectAt(2)), Asn1.bytes(seq.getObjectAt(3)));
    }

    public SealInfo sealInfo() {
        return sealInfo;
    }

    /** The DER the maker signed. */
    public byte[] signedBytes() {
        return Asn1.der(sealInfo);
    }

    public byte[] makerCertificate() {
        return cert.getOctets();
    }

    public ASN1ObjectIdentifier signAlgId() {
        return signAlgId;
    }

    public byte[] signedValue() {
        return signedValue.getOctets();
    }

    /** The seal as DER, to store or embed. */
    public byte[] der() {
        return Asn1.der(this);
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        return new DERSequence(new ASN1Encodable[] {sealInfo, cert, signAlgId, signedValue});
    }
}
