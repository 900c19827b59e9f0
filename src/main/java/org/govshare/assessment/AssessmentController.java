package org.govshare.assessment;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Official;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual assessment's process over HTTP: the authority starts a past year, reads the draft (as do the
 * supervisors) and reviews it department by department; Tasklist's review task then completes it. Published
 * assessments are read elsewhere.
 */
@RestController
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    /** The year to assess. */
    record Start(Integer year) {
    }

    @PostMapping("/api/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    Assessment start(@RequestBody Start start, @AuthenticationPrincipal Official me) {
        return assessments.start(me, start.year());
    }

    @GetMapping("/api/assessments/{year}/draft")
    AssessmentReport draft(@PathVariable int year, @AuthenticationPrincipal Official me) {
        return assessments.draft(me, year);
    }

    /**
     * The authority's words on a department: nothing else is accepted (a body with figures is refused as an unknown
     * field).
     *
     * @param notes indicator key → a note on that figure
     */
    record Review(@Size(max = 4000) String opinion, List<@Size(max = 1000) String> improvements,
                  Map<String, @Size(max = 1000) String> notes) {
    }

    @PutMapping("/api/assessments/{year}/draft/departments/{code}")
    AssessmentReport review(@PathVariable int year, @PathVariable String code, @Valid @RequestBody Review review,
                            @AuthenticationPrincipal Official me) {
        return assessments.review(me, year, code, review.opinion(), review.improvements(), review.notes());
    }
}
