package org.govshare.assessment;

/**
 * A year's assessment was published, in the publishing transaction: what is issued with it (the sealed report) is
 * issued in the same transaction, or the publication does not happen.
 */
public record AssessmentPublished(PublishedAssessments.Published published) {
}
