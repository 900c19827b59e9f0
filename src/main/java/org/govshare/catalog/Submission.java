package org.govshare.catalog;

import java.time.Instant;
import java.util.List;

import org.govshare.cases.Case;
import org.govshare.rules.Finding;

/**
 * A catalog entry on its way through review: new, changed or to be retired.
 *
 * @param findings the flags the catalog rules raised, for the reviewer
 * @param assessments its secrecy and personal-information assessments (Art. 13 of the national regulation); empty
 *                    under a pack without the step {@code submission-assessments}
 * @param headApproval its department head's last decision on it; null before one, and under such a pack
 */
public record Submission(String id, String code, Kind kind, String department, String submittedBy, Instant submittedAt,
                         Status status, CatalogEntry content, List<Finding> findings, String reviewComment,
                         String reviewedBy, String processInstanceId, boolean overdue,
                         List<SubmissionAssessments.Recorded> assessments, HeadApproval headApproval) implements Case {

    public Submission {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    /** The department head's decision before the authority's review: APPROVE, or RETURN with reasons. */
    public record HeadApproval(String decision, String by, Instant at, String comment) {
    }

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
