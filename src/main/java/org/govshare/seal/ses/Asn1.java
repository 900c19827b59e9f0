package org.govshare.seal.ses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERGeneralizedTime;

/**
 * What every GB/T 38540 structure does alike when it reads or writes itself. A structure that does not fit is an
 * {@link IllegalArgumentException}, as Bouncy Castle's own {@code getInstance} methods answer, so a caller catches
 * one kind of refusal for a malformed seal whatever part of it is wrong.
 */
final class Asn1 {

    private Asn1() {
    }

    /** A SEQUENCE of between {@code min} and {@code max} elements, or a refusal naming the structure. */
    static ASN1Sequence sequence(Object o, String structure, int min, int max) {
        ASN1Sequence seq = ASN1Sequence.getInstance(o);
        if (seq.size() < min || seq.size() > max) {
            throw new IllegalArgumentException(structure + " has " + seq.size() + " elements; "
                    + (min == max ? min : min + " to " + max) + " expected");
        }
        return seq;
    }

    /**
     * A GeneralizedTime to the second: DER allows no trailing zero in a fraction, and a seal's times need no more
     * than seconds, so every time is cut to the second before it is written and reads back equal.
     */
    static ASN1GeneralizedTime time(Instant at) {
        return new DERGeneralizedTime(Date.from(at.truncatedTo(ChronoUnit.SECONDS)));
    }

    static Instant instant(ASN1GeneralizedTime time) {
        try {
            return time.getDate().toInstant();
        } catch (ParseException e) {
            throw new IllegalArgumentException("unreadable GeneralizedTime " + time.getTimeString(), e);
        }
    }

    static ASN1GeneralizedTime generalizedTime(ASN1Encodable e) {
        ASN1GeneralizedTime time = ASN1GeneralizedTime.getInstance(e);
        instant(time); // refuses an unreadable one now, not when it is first asked for
        return time;
    }

    /**
     * {@code ExtensionDatas ::= SEQUENCE OF ExtData}, {@code ExtData ::= SEQUENCE { extnID OBJECT IDENTIFIER,
     * critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }}: checked for shape, kept as it came.
     */
    static ASN1Sequence extensionDatas(ASN1Encodable e) {
        ASN1Sequence datas = ASN1Sequence.getInstance(e);
        for (ASN1Encodable data : datas) {
            ASN1Sequence ext = sequence(data, "ExtData", 2, 3);
            ASN1ObjectIdentifier.getInstance(ext.getObjectAt(0));
            ASN1OctetString.getInstance(ext.getObjectAt(ext.size() - 1));
        }
        return datas;
    }

    static byte[] der(ASN1Object o) {
        try {
            return o.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("DER encoding in memory failed", e);
        }
    }

    /** A BIT STRING of whole bytes: signatures, digests and tokens are, and reading one that is not would fail later. */
    static ASN1BitString bytes(ASN1Encodable e) {
        ASN1BitString bits = ASN1BitString.getInstance(e);
        if (!bits.isOctetAligned()) {
            throw new IllegalArgumentException("a BIT STRING of " + bits.getPadBits() + " pad bits where whole bytes are expected");
        }
        return bits;
    }
}
