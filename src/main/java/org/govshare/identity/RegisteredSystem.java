package org.govshare.identity;

import java.time.Instant;

/**
 * A department's own application, registered to call the platform machine to machine with a client credential.
 * Its secret is never part of it: only a hash is stored, and the secret is shown once, when issued.
 *
 * @param clientId the login of the system, {@code sys-} and 12 lower-case letters and digits
 * @param name what the department calls it, at most 100 characters
 * @param contact who answers for it (person, phone, e-mail, in words), at most 200 characters
 * @param department the code of the department it belongs to and acts for
 * @param status ACTIVE, or REVOKED for good
 * @param createdBy the login of the official who registered it
 * @param createdAt when it was registered
 * @param secretIssuedAt when its current secret was issued (registration or the last rotation)
 * @param revokedBy the login of the official who revoked it, if revoked
 * @param revokedAt when it was revoked, if revoked
 * @param revocationReason why it was revoked, if revoked
 */
public record RegisteredSystem(String clientId, String name, String contact, String department, Status status,
                               String createdBy, Instant createdAt, Instant secretIssuedAt, String revokedBy,
                               Instant revokedAt, String revocationReason) {

    public enum Status {
        /** Its credential is accepted. */
        ACTIVE,
        /** Its credential is refused from now on; a revoked system is not reactivated, a new one is registered. */
        REVOKED
    }
}
