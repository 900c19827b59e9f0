package org.govshare.assessment.publication;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.govshare.assessment.AssessmentReport;
import org.govshare.identity.Official;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published assessments (Art. 31) for every official: the years, a year's report as JSON, CSV, workbook and PDF,
 * and one department's detail. Each answer holds the ranking and only the detail the caller may see.
 */
@RestController
class PublishedAssessmentController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AssessmentReports reports;
    private final AssessmentPdf pdf;
    private final IssuedAssessmentReport issued;

    PublishedAssessmentController(AssessmentReports reports, AssessmentPdf pdf, IssuedAssessmentReport issued) {
        this.reports = reports;
        this.pdf = pdf;
        this.issued = issued;
    }

    @GetMapping("/api/assessments")
    List<AssessmentView.YearRanking> years() {
        return reports.years();
    }

    @GetMapping("/api/assessments/{year}")
    AssessmentView year(@PathVariable int year, @AuthenticationPrincipal Official me) {
        return reports.year(year, me);
    }

    @GetMapping("/api/assessments/{year}/departments/{department}")
    AssessmentReport.DepartmentResult department(@PathVariable int year, @PathVariable String department,
                                                @AuthenticationPrincipal Official me) {
        return reports.department(year, department, me);
    }

    @GetMapping("/api/assessments/{year}/figures.csv")
    ResponseEntity<String> csv(@PathVariable int year, @AuthenticationPrincipal Official me) {
        return file(CSV, "assessment-" + year + ".csv", FigureFiles.csv(reports.year(year, me)));
    }

    @GetMapping("/api/assessments/{year}/figures.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable int year, @AuthenticationPrincipal Official me) {
        return file(XLSX, "assessment-" + year + ".xlsx", FigureFiles.xlsx(reports.year(year, me)));
    }

    @GetMapping("/api/assessments/{year}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable int year, @AuthenticationPrincipal Official me) {
        AssessmentView view = reports.year(year, me);
        return file(MediaType.APPLICATION_PDF, "assessment-" + year + ".pdf", pdf.write(view, reports.years()));
    }

    /** The report as the authority issued it, sealed: the same bytes for every official, every time. */
    @GetMapping("/api/assessments/{year}/issued-report.pdf")
    ResponseEntity<byte[]> issuedReport(@PathVariable int year) {
        return issued.download(year);
    }

    private static <T> ResponseEntity<T> file(MediaType type, String name, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
