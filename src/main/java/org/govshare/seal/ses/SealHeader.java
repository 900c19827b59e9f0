package org.govshare.seal.ses;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;

/**
 * The seal's header, GB/T 38540-2020 {@code SES_Header}:
 * <pre>
 * SES_Header ::= SEQUENCE {
 *     ID       IA5String,   -- always "ES"
 *     version  INTEGER,     -- 4 for this edition of the standard
 *     Vid      IA5String }  -- who made the seal software
 * </pre>
 */
public final class SealHeader extends ASN1Object {

    public static final String ID = "ES";
    public static final int VERSION = 4;

    private final ASN1IA5String id;
    private final ASN1Integer version;
    private final ASN1IA5String vid;

    /** A version 4 header naming the software that made the seal. */
    public SealHeader(String vid) {
        this(new DERIA5String(ID, true), new ASN1Integer(VERSION), new DERIA5String(vid, true));
    }

    private SealHeader(ASN1IA5String id, ASN1Integer version, ASN1IA5String vid) {
        this.id = id;
        this.version = version;
        this.vid = vid;
    }

    public static SealHeader getInstance(Object o) {
        if (o == null || o instanceof SealHeader) {
            return (SealHeader) o;
        }
        ASN1Sequence seq = Asn1.sequence(o, "SES_Header", 3, 3);
        return new SealHeader(ASN1IA5String.getInstance(seq.getObjectAt(0)), ASN1Integer.getInstance(seq.getObjectAt(1)),
                ASN1IA5String.getInstance(seq.getObjectAt(2)));
    }

    public String id() {
        return id.getString();
    }

    public int version() {
        return version.intValueExact();
    }

    public String vid() {
        return vid.getString();
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        return new DERSequence(new ASN1Encodable[] {id, version, vid});
    }
}
