package org.govshare.seal;

import java.time.Instant;

/**
 * One seal made, as the register keeps it.
 *
 * @param documentHash SHA-256 (hex) of the document sealed; for PAdES, of the sealed PDF
 * @param sealId the GB/T 38540 seal's id (SES), else the certificate's serial
 * @param sealedBy who asked for it: an official's login, a system's id, or {@code system}
 */
public record SealRecord(String id, String documentHash, DocumentKind kind, SealFormat format, SealAlgorithm algorithm,
                         String department, String sealId, String certificateSerial, String subject, String title,
                         String sealedBy, Instant sealedAt) {
}
