package org.govshare.seal;

/** Why a seal does not verify. */
public enum InvalidReason {
    /** the document is not the one sealed: one byte is enough */
    CONTENT_CHANGED,
    /** the signer's certificate is not issued under a trusted root, or a signature does not hold */
    UNKNOWN_SIGNER,
    /** the seal or a certificate was revoked at or before the time of sealing */
    REVOKED,
    /** sealed outside the seal's or the certificate's validity period */
    OUTSIDE_VALIDITY,
    /** the timestamp is missing, not from a trusted authority, or not over this signature */
    BAD_TIMESTAMP,
    /** not a seal the platform can read */
    MALFORMED
}
