package org.govshare.seal;

import java.time.Instant;

/**
 * What a verification found.
 *
 * @param reason why not, when not valid
 * @param message the same in a sentence
 * @param department the code of the department the signer's certificate is issued to
 * @param sealId the GB/T 38540 seal's id (SES), or the signer certificate's serial (CMS, PAdES)
 * @param signedAt the time the signer claims
 * @param timestampedAt the time the timestamping authority vouches for
 * @param certificateStatus the signer certificate's status now: VALID, REVOKED or EXPIRED
 * @param registerId the seal register's record of this seal, when the platform finds it
 */
public record SealVerdict(boolean valid, InvalidReason reason, String message, SealFormat format,
                          SealAlgorithm algorithm, String department, String sealId, Instant signedAt,
                          Instant timestampedAt, String certificateSerial, String certificateStatus,
                          String registerId) {

    public static SealVerdict invalid(SealFormat format, InvalidReason reason, String message) {
        return new SealVerdict(false, reason, message, format, null, null, null, null, null, null, null, null);
    }

    /** The same verdict, turned invalid for this reason, keeping what was found so far. */
    public SealVerdict refuse(InvalidReason why, String sentence) {
        return new SealVerdict(false, why, sentence, format, algorithm, department, sealId, signedAt, timestampedAt,
                certificateSerial, certificateStatus, registerId);
    }

    public SealVerdict withRegisterId(String id) {
        return new SealVerdict(valid, reason, message, format, algorithm, department, sealId, signedAt, timestampedAt,
                certificateSerial, certificateStatus, id);
    }
}
