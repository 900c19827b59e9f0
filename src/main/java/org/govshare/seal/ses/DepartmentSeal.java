package org.govshare.seal.ses;

import java.time.Instant;

import org.govshare.seal.SealAlgorithm;

/**
 * A department's GB/T 38540 seal as the platform keeps it.
 *
 * @param esId the seal's identifier, {@code GS} and a number
 * @param certificateSerial the department's seal certificate the seal lists (hex)
 * @param der the {@code SESeal} itself
 * @param revokedBy the official who revoked it, when revoked
 */
public record DepartmentSeal(String esId, String department, SealAlgorithm algorithm, String certificateSerial,
                             Instant validStart, Instant validEnd, Instant madeAt, byte[] der, Instant revokedAt,
                             String revokedBy, String revocationReason) {

    public enum Status { VALID, NOT_YET_VALID, EXPIRED, REVOKED }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (now.isBefore(validStart)) {
            return Status.NOT_YET_VALID;
        }
        return now.isAfter(validEnd) ? Status.EXPIRED : Status.VALID;
    }

    public SESeal seal() {
        return SESeal.getInstance(der);
    }
}
