package org.govshare.licence;

import java.time.Instant;
import java.util.List;

import org.govshare.seal.SealFormat;

/**
 * An electronic certificate (电子证照) as the register keeps it, without its files.
 *
 * @param number {@link LicenceNumber}'s form
 * @param issuer the code of the providing department that issued it
 * @param holder the value of the item that names the holder, e.g. an organisation's name
 * @param dataVersion the hosted dataset's version the record was read from
 * @param recordHash SHA-256 (hex) of the record's items as the document carries them
 * @param items the items the document carries (the record's, state secrets never)
 * @param sealRecords the seal register's records of its seals: the document's, and the PDF's when there is one
 * @param hasPdf whether a sealed PDF is kept beside the document
 */
public record Licence(String number, String resourceCode, String issuer, String title, String holder, int dataVersion,
                      String recordHash, List<String> items, SealFormat sealFormat, List<String> sealRecords,
                      boolean hasPdf, Status status, String issuedBy, Instant issuedAt, Instant revokedAt,
                      String revokedBy, String reason) {

    public enum Status { VALID, REVOKED }
}
