package org.govshare.licence;

import java.time.Instant;

/**
 * What anyone may learn of a licence by its number: enough to tell a genuine, valid certificate from a revoked or
 * invented one, and nothing about its holder.
 *
 * @param department the issuing department's code
 * @param departmentName its Chinese name
 */
public record LicenceStatus(String number, String title, String department, String departmentName, Instant issuedAt,
                            Licence.Status status, Instant revokedAt) {
}
