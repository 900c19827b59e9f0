package org.govshare.correction;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.govshare.identity.Official;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.ApiFields;
import org.govshare.platform.web.Attachments;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Error reports over HTTP: a consumer reports (multipart: a JSON part {@code report} and the file part
 * {@code evidence}), the authority triages, the provider verifies. Tasklist completes the same tasks with the same
 * checks.
 */
@RestController
@RequestMapping("/api/corrections")
class CorrectionController {

    /** The triage and verification forms' keys, as the API's answer names them. */
    private static final ApiFields FIELDS = new ApiFields(Map.of("triageDecision", "decision", "triageReasons", "reasons",
            "verificationDecision", "decision", "verificationReasons", "reasons"));

    private final Corrections corrections;

    CorrectionController(Corrections corrections) {
        this.corrections = corrections;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ErrorReport> report(@RequestPart("report") NewReport report,
                                       @RequestPart(name = "evidence", required = false) MultipartFile evidence,
                                       @AuthenticationPrincipal Official me) throws IOException {
        EvidenceFile file = evidence == null ? null
                : new EvidenceFile(evidence.getOriginalFilename(), evidence.getContentType(), evidence.getBytes());
        ErrorReport made = corrections.report(me, report, file);
        return ResponseEntity.created(URI.create("/api/corrections/" + made.id())).body(made);
    }

    @GetMapping("/{id}")
    ErrorReport report(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return corrections.visibleTo(me, id);
    }

    @GetMapping
    List<ErrorReport> list(@AuthenticationPrincipal Official me, @RequestParam(required = false) ErrorReport.Status status,
                           Paging paging) {
        return corrections.list(me, status, paging.page(), paging.size());
    }

    @GetMapping("/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable String id, @AuthenticationPrincipal Official me) {
        Corrections.Download download = corrections.evidence(me, id);
        return Attachments.download(download.evidence().name(), download.evidence().type(), download.content());
    }

    /** The authority's triage: {@code {"decision":"FORWARD"}} or {@code {"decision":"CLOSE","reasons":"…"}}. */
    @PostMapping("/{id}/triage")
    ErrorReport triage(@PathVariable String id, @RequestBody Answer answer, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> corrections.triage(me, id, answer));
    }

    /** The provider publishes an open report as "under verification" to every consumer of the resource. */
    @PostMapping("/{id}/publication")
    ErrorReport publish(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return corrections.publish(me, id);
    }

    /**
     * The provider's answer: {@code {"decision":"CORRECTED","correctedVersion":4}} or
     * {@code {"decision":"EXPLAINED","reasons":"…"}}.
     */
    @PostMapping("/{id}/verification")
    ErrorReport verify(@PathVariable String id, @RequestBody Answer answer, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> corrections.verify(me, id, answer));
    }
}
