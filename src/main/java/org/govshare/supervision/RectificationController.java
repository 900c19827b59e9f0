package org.govshare.supervision;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Official;
import org.govshare.platform.web.ApiFields;
import org.govshare.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rectifications over HTTP: the case files, and a door to each task (Tasklist completes the same tasks with the
 * same checks). Published criticisms are public to every department.
 */
@RestController
class RectificationController {

    /** The rectification forms' keys, as the API's bodies name them. */
    private static final ApiFields FIELDS = new ApiFields(Map.of("rectificationMeasures", "measures",
            "rectificationEvidence", "evidence", "verificationDecision", "decision", "verificationReasons", "reasons",
            "criticismText", "text", "referralOutcome", "outcome", "referralReasons", "reasons"));

    private final Rectifications rectifications;

    RectificationController(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @GetMapping("/api/rectifications")
    List<Rectification> list(@AuthenticationPrincipal Official me, @RequestParam(required = false) String department,
                             @RequestParam(required = false) Rectification.Status status,
                             Paging paging) {
        return rectifications.list(me, department, status, paging.page(), paging.size());
    }

    @GetMapping("/api/rectifications/{id}")
    Rectification.Case rectification(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return rectifications.visibleTo(me, id);
    }

    /** The department's report: what was done, and the evidence. */
    record Report(@Size(max = 2000) String measures, @Size(max = 2000) String evidence) {
    }

    @PostMapping("/api/rectifications/{id}/report")
    Rectification.Case report(@PathVariable String id, @Valid @RequestBody Report report, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> rectifications.report(me, id, report.measures(), report.evidence()));
    }

    /** The authority's verification: ACCEPT or REJECT the first time, ACCEPT or NOT_RECTIFIED the second. */
    record Verification(String decision, @Size(max = 2000) String reasons) {
    }

    @PostMapping("/api/rectifications/{id}/verification")
    Rectification.Case verify(@PathVariable String id, @Valid @RequestBody Verification verification,
                              @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> rectifications.verify(me, id, verification.decision(), verification.reasons()));
    }

    /** The criticism's text as the authority approves it for publication (the draft is in the case file). */
    record CriticismApproval(@Size(max = 2000) String text) {
    }

    @PostMapping("/api/rectifications/{id}/criticism")
    Rectification.Case approveCriticism(@PathVariable String id, @Valid @RequestBody CriticismApproval approval,
                                        @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> rectifications.approveCriticism(me, id, approval.text()));
    }

    /** The supervisors' outcome: SANCTION_PROPOSED or NO_ACTION, with reasons. */
    record ReferralOutcome(String outcome, @Size(max = 2000) String reasons) {
    }

    @PostMapping("/api/rectifications/{id}/referral")
    Rectification.Case decideReferral(@PathVariable String id, @Valid @RequestBody ReferralOutcome outcome,
                                      @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> rectifications.decideReferral(me, id, outcome.outcome(), outcome.reasons()));
    }

    /** The rectification notice as issued: the PDF with the authority's seal, the same bytes every time. */
    @GetMapping("/api/rectifications/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return rectifications.notice(me, id);
    }

    /** A published criticism as issued, sealed; public to every department. */
    @GetMapping("/api/criticisms/{id}.pdf")
    ResponseEntity<byte[]> criticism(@PathVariable String id) {
        return rectifications.criticism(id);
    }

    @GetMapping("/api/criticisms")
    List<Rectification.Criticism> criticisms(Paging paging) {
        return rectifications.criticisms(paging.page(), paging.size());
    }
}
