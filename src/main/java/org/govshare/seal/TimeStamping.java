package org.govshare.seal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 time-stamping authority: the platform's own ({@link PlatformTimeStampAuthority}) or one outside it
 * ({@link OutsideTimeStampAuthority}, when {@code govshare.seals.tsa.url} is set).
 */
public interface TimeStamping {

    /** A token over this digest, made with the named digest algorithm. */
    TimeStampToken stamp(byte[] digest, ASN1ObjectIdentifier digestAlgorithm);
}
