package org.govshare.catalog;

import java.time.Instant;

/** One published version of a resource; versions never change once published. */
public record CatalogVersion(String code, int version, Submission.Kind changeKind, CatalogEntry content,
                             Instant publishedAt, String approvedBy, String submissionId) {
}
