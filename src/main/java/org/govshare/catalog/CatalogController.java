package org.govshare.catalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Official;
import org.govshare.platform.web.ApiFields;
import org.govshare.platform.web.Paging;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sharing catalog (Art. 16), readable by every official, and the submissions that change it. A resource code
 * such as {@code 101001/101007} appears in paths as its two parts: {@code /resources/101001/101007}.
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final Catalog catalog;
    private final SourceDepartments sourceDepartments;
    private final ObjectMapper json;

    CatalogController(Catalog catalog, SourceDepartments sourceDepartments, ObjectMapper json) {
        this.catalog = catalog;
        this.sourceDepartments = sourceDepartments;
        this.json = json;
    }

    @GetMapping
    CatalogPage search(@Valid CatalogQuery query) {
        return catalog.search(query);
    }

    @GetMapping("/resources/{front}/{back}")
    CatalogListing resource(@PathVariable String front, @PathVariable String back) {
        String code = front + "/" + back;
        return catalog.current(code).orElseThrow(() -> new org.govshare.platform.web.NotFoundException("published resource", code));
    }

    @GetMapping("/resources/{front}/{back}/history")
    List<CatalogVersion> history(@PathVariable String front, @PathVariable String back, Paging paging) {
        return catalog.history(front + "/" + back, paging.page(), paging.size());
    }

    @GetMapping("/resources/{front}/{back}/versions/{version}")
    CatalogVersion version(@PathVariable String front, @PathVariable String back, @PathVariable int version) {
        return catalog.version(front + "/" + back, version);
    }

    record Naming(@NotBlank String department, @NotBlank @Size(max = 2000) String basis) {
    }

    /** The authority names the source department of a published resource (Art. 19 of the national regulation). */
    @PostMapping("/resources/{front}/{back}/source-department")
    SourceDepartment nameSourceDepartment(@PathVariable String front, @PathVariable String back,
                                          @Valid @RequestBody Naming naming, @AuthenticationPrincipal Official me) {
        return sourceDepartments.name(me, front + "/" + back, naming.department(), naming.basis());
    }

    record Retirement(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/resources/{front}/{back}/retirement")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Submission> retire(@PathVariable String front, @PathVariable String back,
                                      @Valid @RequestBody Retirement retirement, @AuthenticationPrincipal Official me) {
        return created(catalog.requestRetirement(me, front + "/" + back, retirement.reason()));
    }

    @PostMapping("/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Submission> submit(@RequestBody ObjectNode body, HttpServletRequest request,
                                      @AuthenticationPrincipal Official me) {
        SubmittedEntry submitted = SubmittedEntry.read(body, json, request);
        return created(catalog.submit(me, submitted.entry(), submitted.assessments()));
    }

    @GetMapping("/submissions")
    List<Submission> submissions(@RequestParam(required = false) String department, @AuthenticationPrincipal Official me,
                                 Paging paging) {
        return catalog.submissionsOf(me, department == null ? me.department() : department, paging.page(), paging.size());
    }

    @GetMapping("/submissions/{id}")
    Submission submission(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return catalog.submissionFor(me, id);
    }

    @PutMapping("/submissions/{id}")
    Submission revise(@PathVariable String id, @RequestBody ObjectNode body, HttpServletRequest request,
                      @AuthenticationPrincipal Official me) {
        SubmittedEntry revised = SubmittedEntry.read(body, json, request);
        return catalog.revise(me, id, revised.entry(), revised.assessments());
    }

    /** The report of one of a submission's assessments (Art. 13 of the national regulation). */
    @GetMapping("/submissions/{id}/assessments/{kind}")
    ResponseEntity<byte[]> assessmentReport(@PathVariable String id, @PathVariable SubmissionAssessments.Kind kind,
                                            @AuthenticationPrincipal Official me) {
        CatalogStore.AssessmentReport report = catalog.assessmentReport(me, id, kind);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(report.type()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.name(), StandardCharsets.UTF_8).build().toString())
                .body(report.content());
    }

    record HeadDecision(@NotBlank String decision, @Size(max = 2000) String comment) {

        /** The head approval form's keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("headDecision", "decision", "reviewComment", "comment"));
    }

    /** The department head approves a submission for the authority, or returns it (Art. 13 of the national regulation). */
    @PostMapping("/submissions/{id}/head-approval")
    Submission headApproval(@PathVariable String id, @Valid @RequestBody HeadDecision decision,
                            @AuthenticationPrincipal Official me) {
        return HeadDecision.FIELDS.answer(() -> catalog.decideAsHead(me, id, decision.decision(), decision.comment()));
    }

    @PostMapping("/submissions/{id}/resubmission")
    Submission resubmit(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return catalog.resubmit(me, id);
    }

    @PostMapping("/submissions/{id}/withdrawal")
    Submission withdraw(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return catalog.withdraw(me, id);
    }

    record Review(@NotBlank String decision, @Size(max = 2000) String comment) {

        /** The review form's keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("reviewDecision", "decision", "reviewComment", "comment"));
    }

    @PostMapping("/submissions/{id}/review")
    Submission review(@PathVariable String id, @Valid @RequestBody Review review, @AuthenticationPrincipal Official me) {
        return Review.FIELDS.answer(() -> {
            catalog.review(me, id, review.decision(), review.comment());
            return catalog.submission(id);
        });
    }

    private static ResponseEntity<Submission> created(Submission submission) {
        return ResponseEntity.created(URI.create("/api/catalog/submissions/" + submission.id())).body(submission);
    }
}
