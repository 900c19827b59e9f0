package org.govshare.assessment.publication;

import org.govshare.assessment.AssessmentPublished;
import org.govshare.assessment.PublishedAssessments;
import org.govshare.document.IssuedDocuments;
import org.govshare.seal.DocumentKind;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The annual report as the authority issues it (Art. 31), sealed with its seal when the year is published: the
 * edition every department may read (the ranking and the trend; each department's detail stays behind its own door),
 * stored once and downloaded as stored.
 */
@Component
class IssuedAssessmentReport {

    /** How the audit trail names an assessment year. */
    private static final String OBJECT_TYPE = "assessment";

    private final AssessmentPdf pdf;
    private final AssessmentReports reports;
    private final IssuedDocuments documents;

    IssuedAssessmentReport(AssessmentPdf pdf, AssessmentReports reports, IssuedDocuments documents) {
        this.pdf = pdf;
        this.reports = reports;
        this.documents = documents;
    }

    /** In the publishing transaction: the year's report is issued with its publication, or neither happens. */
    @EventListener
    void issue(AssessmentPublished event) {
        PublishedAssessments.Published published = event.published();
        int year = published.report().year();
        byte[] report = pdf.writeIssued(AssessmentView.ranking(published), reports.years(), documents.issuer(),
                published.publishedAt().atZone(AssessmentPdf.ZONE).toLocalDate());
        documents.issue(DocumentKind.ASSESSMENT_REPORT, OBJECT_TYPE, String.valueOf(year), AssessmentPdf.title(year), report);
    }

    /** The year's issued report; 404 when the year is not published. */
    ResponseEntity<byte[]> download(int year) {
        return documents.download(DocumentKind.ASSESSMENT_REPORT, String.valueOf(year));
    }
}
