package org.govshare.disposal;

import java.time.Instant;
import java.time.LocalDate;

import org.govshare.grant.Grant;

/**
 * What the holder of an ended grant owes of its data (national Art. 27), and what it attested.
 *
 * @param endedHow how the grant ended: EXPIRED, PURPOSE_MET or REVOKED
 * @param requirements how the provider wants the data disposed of (the platform's default text when it said nothing)
 * @param due the end of the last working day to attest it
 * @param method how the data was disposed of, as the holder attests it; null until then
 * @param doneOn the day it was done
 * @param file the name of the attached proof, if any
 * @param violationId the NOT_DISPOSED violation recorded when the deadline passed unattested
 */
public record Disposal(String grantId, String holderDepartment, String providerDepartment, Grant.Status endedHow,
                       Instant endedAt, String requirements, Instant due, Status status, String method, LocalDate doneOn,
                       String note, String file, String fileType, Long fileSize, String attestedBy, Instant attestedAt,
                       String violationId, String processInstanceId) {

    public enum Status {
        /** the holder is asked to dispose of the data and attest it */
        AWAITING_ATTESTATION,
        ATTESTED,
        /** the deadline passed without an attestation: a violation was recorded */
        OVERDUE
    }
}
