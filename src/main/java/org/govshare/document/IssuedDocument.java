package org.govshare.document;

import java.time.Instant;

/**
 * A document the authority issued, as stored: the sealed PDF is what every download serves.
 *
 * @param kind what it is, a {@code DocumentKind} name (DISPUTE_RULING, RECTIFICATION_NOTICE, ...)
 * @param subject what it is about: the case number, or the year of an assessment
 * @param registerId the seal's entry in the seal register
 * @param sealedPdf the PDF with the authority's PAdES seal, as issued
 */
public record IssuedDocument(long id, String kind, String subject, String title, String registerId, byte[] sealedPdf,
                             Instant issuedAt) {
}
