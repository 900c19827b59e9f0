package org.govshare.assessment.publication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govshare.assessment.AssessmentReport;
import org.govshare.assessment.PublishedAssessments;
import org.govshare.identity.Official;
import org.govshare.identity.Role;

/**
 * A published assessment as one caller may see it (Art. 31): every department's place in the ranking, and the detail
 * (figures, the cases behind them, the authority's opinion and improvement points) of the departments the caller may
 * see — its own, or all of them for the sharing authority and the supervisors. Every answer about an assessment, the
 * JSON, the CSV, the workbook and the PDF, is made from this view and nothing else, so none of them can carry what
 * the caller may not see. The hash of the published text is over every department's figures, so only a caller who
 * sees all of them gets it.
 *
 * @param year the year assessed
 * @param rulePack the weights and formula the scores come from
 * @param computedAt when the figures were computed
 * @param publishedAt when the report was published
 * @param reviewedBy the authority official who reviewed it
 * @param sha256 the SHA-256 of the published text, audited at publication; null unless the caller sees all
 * @param seesAll whether the caller sees every department's detail
 * @param indicators what was measured, in the order shown
 * @param ranking every department, by rank
 * @param details the detail of each department the caller may see, by rank
 */
public record AssessmentView(int year, String rulePack, Instant computedAt, Instant publishedAt, String reviewedBy,
                             String sha256, boolean seesAll, List<AssessmentReport.Indicator> indicators,
                             List<Ranked> ranking, List<AssessmentReport.DepartmentResult> details) {

    /** A department's place: what every department sees of every other. */
    public record Ranked(String department, String name, BigDecimal score, int rank) {

        static Ranked of(AssessmentReport.DepartmentResult result) {
            return new Ranked(result.department(), result.name(), result.score(), result.rank());
        }
    }

    /** A published year's ranking: the trend over the years assessed is drawn from these. */
    public record YearRanking(int year, Instant publishedAt, String rulePack, List<Ranked> ranking) {

        static YearRanking of(PublishedAssessments.Published published) {
            AssessmentReport report = published.report();
            return new YearRanking(report.year(), published.publishedAt(), report.rulePack(), AssessmentView.ranking(report));
        }
    }

    static AssessmentView of(PublishedAssessments.Published published, Official caller) {
        AssessmentReport report = published.report();
        boolean seesAll = seesAll(caller);
        return new AssessmentView(report.year(), report.rulePack(), report.computedAt(), published.publishedAt(),
                report.reviewedBy(), seesAll ? published.sha256() : null, seesAll, report.indicators(), ranking(report),
                report.departments().stream().filter(d -> caller.maySee(d.department())).toList());
    }

    /** What every department sees of a published year: the ranking and the trend, no department's detail. */
    static AssessmentView ranking(PublishedAssessments.Published published) {
        return of(published, new Official("public", "every department", null, java.util.Set.of(), List.of()));
    }

    /** The sharing authority and the supervisors see every department's detail. */
    static boolean seesAll(Official caller) {
        return caller.has(Role.AUTHORITY) || caller.has(Role.SUPERVISOR);
    }

    private static List<Ranked> ranking(AssessmentReport report) {
        return report.departments().stream().map(Ranked::of).toList();
    }

    /** The detail of one department, when the caller may see it. */
    Optional<AssessmentReport.DepartmentResult> detail(String department) {
        return details.stream().filter(d -> d.department().equals(department)).findFirst();
    }

    boolean ranks(String department) {
        return ranking.stream().anyMatch(r -> r.department().equals(department));
    }
}
