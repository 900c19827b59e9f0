package org.govshare.seal.ses;

import java.util.Optional;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;

/**
 * What the seal maker signs, GB/T 38540-2020 {@code SES_SealInfo}:
 * <pre>
 * SES_SealInfo ::= SEQUENCE {
 *     header    SES_Header,
 *     esID      IA5String,            -- the seal's identifier, unique
 *     property  SES_ESPropertyInfo,
 *     picture   SES_ESPictrueInfo,
 *     extDatas  ExtensionDatas OPTIONAL }
 * ExtensionDatas ::= SEQUENCE OF ExtData
 * </pre>
 * The platform writes no extension data; one read from elsewhere is kept as it came, so it signs the same.
 */
public final class SealInfo extends ASN1Object {

    private final SealHeader header;
    private final ASN1IA5String esId;
    private final PropertyInfo property;
    private final PictureInfo picture;
    private final ASN1Sequence extDatas;

    public SealInfo(SealHeader header, String esId, PropertyInfo property, PictureInfo picture) {
        this(header, new DERIA5String(esId, true), property, picture, null);
    }

    private SealInfo(SealHeader header, ASN1IA5String esId, PropertyInfo property, PictureInfo picture,
                     ASN1Sequence extDatas) {
        this.header = header;
        this.esId = esId;
        this.property = property;
        this.picture = picture;
        this.extDatas = extDatas;
    }

    public static SealInfo getInstance(Object o) {
        if (o == null || o instanceof SealInfo) {
            return (SealInfo) o;
        }
        ASN1Sequence seq = Asn1.sequence(o, "SES_SealInfo", 4, 5);
        return new SealInfo(SealHeader.getInstance(seq.getObjectAt(0)), ASN1IA5String.getInstance(seq.getObjectAt(1)),
                PropertyInfo.getInstance(seq.getObjectAt(2)), PictureInfo.getInstance(seq.getObjectAt(3)),
                seq.size() == 5 ? Asn1.extensionDatas(seq.getObjectAt(4)) : null);
    }

    public SealHeader header() {
        return header;
    }

    public String esId() {
        return esId.getString();
    }

    public PropertyInfo property() {
        return property;
    }

    public PictureInfo picture() {
        return picture;
    }

    public Optional<ASN1Sequence> extDatas() {
        return Optional.ofNullable(extDatas);
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(5);
        v.add(header);
        v.add(esId);
        v.add(property);
        v.add(picture);
        if (extDatas != null) {
            v.add(extDatas);
        }
        return new DERSequence(v);
    }
}
