package org.govshare.seal.ses;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The seal's picture, GB/T 38540-2020 {@code SES_ESPictrueInfo} (the standard's spelling):
 * <pre>
 * SES_ESPictrueInfo ::= SEQUENCE {
 *     type    IA5String,     -- the image format: "PNG" here
 *     data    OCTET STRING,  -- the image
 *     width   INTEGER,       -- how wide it is shown, in millimetres
 *     height  INTEGER }      -- how high it is shown, in millimetres
 * </pre>
 */
public final class PictureInfo extends ASN1Object {

    public static final String PNG = "PNG";

    private final ASN1IA5String type;
    private final ASN1OctetString data;
    private final ASN1Integer width;
    private final ASN1Integer height;

    public PictureInfo(String type, byte[] data, int widthMillimetres, int heightMillimetres) {
        this(new DERIA5String(type, true), new DEROctetString(data), new ASN1Integer(widthMillimetres),
                new ASN1Integer(heightMillimetres));
    }

    private PictureInfo(ASN1IA5String type, ASN1OctetString data, ASN1Integer width, ASN1Integer height) {
        this.type = type;
        this.data = data;
        this.width = width;
        this.height = height;
    }

    public static PictureInfo getInstance(Object o) {
        if (o == null || o instanceof PictureInfo) {
            return (PictureInfo) o;
        }
        ASN1Sequence seq = Asn1.sequence(o, "SES_ESPictrueInfo", 4, 4);
        return new PictureInfo(ASN1IA5String.getInstance(seq.getObjectAt(0)), ASN1OctetString.getInstance(seq.getObjectAt(1)),
                ASN1Integer.getInstance(seq.getObjectAt(2)), ASN1Integer.getInstance(seq.getObjectAt(3)));
    }

    public String type() {
        return type.getString();
    }

    public byte[] data() {
        return data.getOctets();
    }

    public int width() {
        return width.intValueExact();
    }

    public int height() {
        return height.intValueExact();
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        return new DERSequence(new ASN1Encodable[] {type, data, width, height});
    }
}
