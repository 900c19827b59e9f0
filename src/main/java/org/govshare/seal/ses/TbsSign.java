package org.govshare.seal.ses;

import java.time.Instant;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;

/**
 * What the signer signs, GB/T 38540-2020 {@code TBS_Sign}, version 4:
 * <pre>
 * TBS_Sign ::= SEQUENCE {
 *     version       INTEGER,           -- 4, as the seal's header
 *     eseal         SESeal,            -- the whole seal, maker's signature included
 *     timeInfo      GeneralizedTime,   -- when it was signed, as the signer says
 *     dataHash      BIT STRING,        -- the document's digest
 *     propertyInfo  IA5String,         -- what the document is, in the signer's words
 *     extDatas      ExtensionDatas OPTIONAL }
 * </pre>
 * Version 4 made {@code timeInfo} a GeneralizedTime (it was a BIT STRING) and moved the signer's certificate and
 * algorithm out of here into {@code SES_Signature}. The standard names the digest by the algorithm: SM3 for SM2; the
 * platform's ECDSA seals use SHA-256, the digest of {@code signatureAlgID} in the enclosing signature.
 */
public final class TbsSign extends ASN1Object {

    public static final int VERSION = 4;

    private final ASN1Integer version;
    private final SESeal eseal;
    private final ASN1GeneralizedTime timeInfo;
    private final ASN1BitString dataHash;
    private final ASN1IA5String propertyInfo;
    private final ASN1Sequence extDatas;

    public TbsSign(SESeal eseal, Instant timeInfo, byte[] dataHash, String propertyInfo) {
        this(new ASN1Integer(VERSION), eseal, Asn1.time(timeInfo), new DERBitString(dataHash),
                new DERIA5String(propertyInfo, true), null);
    }

    private TbsSign(ASN1Integer version, SESeal eseal, ASN1GeneralizedTime timeInfo, ASN1BitString dataHash,
                    ASN1IA5String propertyInfo, ASN1Sequence extDatas) {
        this.version = version;
        this.eseal = eseal;
        this.timeInfo = timeInfo;
        this.dataHash = dataHash;
        this.propertyInfo = propertyInfo;
        this.extDatas = extDatas;
    }

    public static TbsSign getInstance(Object o) {
        if (o == null || o instanceof TbsSign) {
            return (TbsSign) o;
        }
        ASN1Sequence seq = Asn1.sequence(o, "TBS_Sign", 5, 6);
        return new TbsSign(ASN1Integer.getInstance(seq.getObjectAt(0)), SESeal.getInstance(seq.getObjectAt(1)),
                Asn1.generalizedTime(seq.getObjectAt(2)), Asn1.bytes(seq.getObjectAt(3)),
                ASN1IA5String.getInstance(seq.getObjectAt(4)),
                seq.size() == 6 ? Asn1.extensionDatas(seq.getObjectAt(5)) : null);
    }

    public int version() {
        return version.intValueExact();
    }

    public SESeal eseal() {
        return eseal;
    }

    public Instant timeInfo() {
        return Asn1.instant(timeInfo);
    }

    public byte[] dataHash() {
        return dataHash.getOctets();
    }

    public String propertyInfo() {
        return propertyInfo.getString();
    }

    public Optional<ASN1Sequence> extDatas() {
        return Optional.ofNullable(extDatas);
    }

    /** The DER the signer signs. */
    public byte[] der() {
        return Asn1.der(this);
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(6);
        v.add(version);
        v.add(eseal);
        v.add(timeInfo);
        v.add(dataHash);
        v.add(propertyInfo);
        if (extDatas != null) {
            v.add(extDatas);
        }
        return new DERSequence(v);
    }
}
