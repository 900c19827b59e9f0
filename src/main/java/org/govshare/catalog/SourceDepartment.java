package org.govshare.catalog;

import java.time.Instant;

/**
 * The source department (数源部门) of a published resource: the department whose collection of the information is
 * the authoritative one where several collect it, as the sharing authority names it (Art. 19 of the national
 * regulation, step {@code source-department}).
 *
 * @param basis          why, in the authority's words (or the consultation ruling's reasons)
 * @param consultationId the collection consultation whose ruling named it; null when named by hand
 */
public record SourceDepartment(String code, String department, String basis, String consultationId, String namedBy,
                               Instant namedAt) {
}
