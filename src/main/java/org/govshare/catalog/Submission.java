package org.govshare.catalog;

import java.time.Instant;
import java.util.List;

import org.govshare.cases.Case;
import org.govshare.rules.Finding;

/**
 * A catalog entry on its way through review: new, changed or to be retired.
 *
 * @param findings the flags the catalog rules raised, for the reviewer
 */
public record Submission(String id, String code, Kind kind, String department, String submittedBy, Instant submittedAt,
                         Status status, CatalogEntry content, List<Finding> findings, String reviewComment,
                         String reviewedBy, String processInstanceId, boolean overdue) implements Case {

    public enum Kind {
        NEW,
        CHANGE,
        RETIRE
    }

    public enum Status {
        IN_REVIEW,
        RETURNED,
        PUBLISHED,
        RETIRED,
        WITHDRAWN
    }
}
