package org.govshare.seal.ses;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * What the seal is, GB/T 38540-2020 {@code SES_ESPropertyInfo} (version 4):
 * <pre>
 * SES_ESPropertyInfo ::= SEQUENCE {
 *     type          INTEGER,          -- 1 an organisation's seal, 2 a person's
 *     name          UTF8String,       -- the seal's name
 *     certListType  INTEGER,          -- 1 the certificates themselves, 2 their digests
 *     certList      SES_CertList,     -- the certificates allowed to sign with the seal
 *     createDate    GeneralizedTime,
 *     validStart    GeneralizedTime,
 *     validEnd      GeneralizedTime }
 * SES_CertList ::= CHOICE { certs CertInfoList, certDigestList CertDigestList }
 * CertInfoList ::= SEQUENCE OF OCTET STRING       -- each a certificate's DER
 * </pre>
 * The two arms of the CHOICE are both untagged SEQUENCE OFs, told apart only by {@code certListType}; the list is
 * kept as read, so a seal listing digests (which the platform never makes) still reads and writes back unchanged,
 * and {@link #certificates()} answers for type 1 only.
 */
public final class PropertyInfo extends ASN1Object {

    /** {@code type}: an organisation's seal. */
    public static final int ORGANISATION_SEAL = 1;
    /** {@code certListType}: the list holds the certificates themselves. */
    public static final int CERTIFICATES = 1;

    private final ASN1Integer type;
    private final ASN1UTF8String name;
    private final ASN1Integer certListType;
    private final ASN1Sequence certList;
    private final ASN1GeneralizedTime createDate;
    private final ASN1GeneralizedTime validStart;
    private final ASN1GeneralizedTime validEnd;

    /** An organisation's seal listing the certificates (DER) that may sign with it. */
    public PropertyInfo(String name, List<byte[]> certificates, Instant createDate, Instant validStart, Instant validEnd) {
        this(new ASN1Integer(ORGANISATION_SEAL), new DERUTF8String(name), new ASN1Integer(CERTIFICATES),
                new DERSequence(certificates.stream().map(DEROctetString::new).toArray(ASN1Encodable[]::new)),
                Asn1.time(createDate), Asn1.time(validStart), Asn1.time(validEnd));
    }

    private PropertyInfo(ASN1Integer type, ASN1UTF8String name, ASN1Integer certListType, ASN1Sequence certList,
                         ASN1GeneralizedTime createDate, ASN1GeneralizedTime validStart, ASN1GeneralizedTime validEnd) {
        this.type = type;
        this.name = name;
        this.certListType = certListType;
        this.certList = certList;
        this.createDate = createDate;
        this.validStart = validStart;
        this.validEnd = validEnd;
    }

    public static PropertyInfo getInstance(Object o) {
        if (o == null || o instanceof PropertyInfo) {
            return (PropertyInfo) o;
        }
        ASN1Sequence seq = Asn1.sequence(o, "SES_ESPropertyInfo", 7, 7);
        ASN1Integer listType = ASN1Integer.getInstance(seq.getObjectAt(2));
        ASN1Sequence list = ASN1Sequence.getInstance(seq.getObjectAt(3));
        if (listType.hasValue(CERTIFICATES)) {
            list.forEach(ASN1OctetString::getInstance); // a CertInfoList holds OCTET STRINGs only
        }
        return new PropertyInfo(ASN1Integer.getInstance(seq.getObjectAt(0)), ASN1UTF8String.getInstance(seq.getObjectAt(1)),
                listType, list, Asn1.generalizedTime(seq.getObjectAt(4)), Asn1.generalizedTime(seq.getObjectAt(5)),
                Asn1.generalizedTime(seq.getObjectAt(6)));
    }

    public int type() {
        return type.intValueExact();
    }

    public String name() {
        return name.getString();
    }

    public int certListType() {
        return certListType.intValueExact();
    }

    /** The certificates (DER) that may sign with the seal; none when the list holds digests instead. */
    public List<byte[]> certificates() {
        if (!certListType.hasValue(CERTIFICATES)) {
            return List.of();
        }
        return Arrays.stream(certList.toArray()).map(e -> ASN1OctetString.getInstance(e).getOctets()).toList();
    }

    public Instant createDate() {
        return Asn1.instant(createDate);
    }

    public Instant validStart() {
        return Asn1.instant(validStart);
    }

    public Instant validEnd() {
        return Asn1.instant(validEnd);
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        return new DERSequence(new ASN1Encodable[] {type, name, certListType, certList, createDate, validStart, validEnd});
    }
}
