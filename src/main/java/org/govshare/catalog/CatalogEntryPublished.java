package org.govshare.catalog;

/**
 * Published in the publishing transaction when the authority publishes a new entry or a change, so features that
 * wait for a resource (a collection consultation) can follow without the catalog knowing them.
 *
 * @param submissionId the submission that was published
 * @param code the resource code
 * @param department the department that submitted it
 * @param version the catalog version made
 */
public record CatalogEntryPublished(String submissionId, String code, String department, int version) {
}
