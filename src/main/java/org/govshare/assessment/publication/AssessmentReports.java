package org.govshare.assessment.publication;

import java.util.List;

import org.govshare.assessment.AssessmentReport;
import org.govshare.assessment.PublishedAssessments;
import org.govshare.identity.Official;
import org.govshare.platform.web.NotFoundException;
import org.govshare.platform.web.RefusedException;
import org.springframework.stereotype.Service;

/** The published assessments as each official may read them: the ranking for all, the detail as {@link AssessmentView} says. */
@Service
public class AssessmentReports {

    private final PublishedAssessments published;

    AssessmentReports(PublishedAssessments published) {
        this.published = published;
    }

    /** Every published year with its ranking, oldest first. */
    public List<AssessmentView.YearRanking> years() {
        return published.all().stream().map(AssessmentView.YearRanking::of).toList();
    }

    /** The year's report as the caller may see it; 404 when the year is not published. */
    public AssessmentView year(int year, Official caller) {
        return AssessmentView.of(published.find(year).orElseThrow(() -> new NotFoundException("published assessment",
                String.valueOf(year))), caller);
    }

    /** One department's detail: 404 when it was not assessed that year, 403 when it is another department's. */
    public AssessmentReport.DepartmentResult department(int year, String department, Official caller) {
        AssessmentView view = year(year, caller);
        if (!view.ranks(department)) {
            throw new NotFoundException("department in the assessment of " + year, department);
        }
        return view.detail(department).orElseThrow(() -> new RefusedException("department",
                "assessment-detail-own-department", "the detail of " + department + " is for " + department
                        + ", the sharing authority and the supervisors; every department sees the ranking"));
    }
}
