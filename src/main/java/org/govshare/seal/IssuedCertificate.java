package org.govshare.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A certificate the platform issued, as the register keeps it.
 *
 * @param serial the serial number in lower-case hex
 * @param alias the key store's name for its key
 * @param owner the department code, or {@code platform}
 * @param status VALID or REVOKED
 */
public record IssuedCertificate(String serial, String alias, String owner, CertificatePurpose purpose,
                                SealAlgorithm algorithm, String subject, X509Certificate certificate, Instant issuedAt,
                                String status, Instant revokedAt, String revokedBy, String revocationReason) {
}
