package org.govshare.complaint;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
 * Complaints over HTTP: a department lodges (JSON, or multipart with a JSON part {@code complaint} and up to the
 * configured number of {@code evidence} file parts) and may withdraw; the respondent gives its statement; the routed
 * authority asks for it and finds. Tasklist completes the same tasks with the same checks.
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    /** The investigation form's keys, as the API's body names them. */
    private static final ApiFields FIELDS = new ApiFields(Map.of("investigationDecision", "decision",
            "findingReasons", "reasons"));

    private final Complaints complaints;

    ComplaintController(Complaints complaints) {
        this.complaints = complaints;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Complaint> lodge(@RequestBody NewComplaint complaint, @AuthenticationPrincipal Official me) {
        return created(complaints.lodge(me, complaint, List.of()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Complaint> lodge(@RequestPart("complaint") NewComplaint complaint,
                                    @RequestPart(name = "evidence", required = false) List<MultipartFile> evidence,
                                    @AuthenticationPrincipal Official me) throws IOException {
        List<EvidenceFile> files = new ArrayList<>();
        for (MultipartFile file : evidence == null ? List.<MultipartFile>of() : evidence) {
            files.add(new EvidenceFile(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
        }
        return created(complaints.lodge(me, complaint, files));
    }

    private static ResponseEntity<Complaint> created(Complaint lodged) {
        return ResponseEntity.created(URI.create("/api/complaints/" + lodged.id())).body(lodged);
    }

    @GetMapping("/{id}")
    Complaint complaint(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return complaints.read(me, id);
    }

    @GetMapping
    List<Complaint> list(@AuthenticationPrincipal Official me, @RequestParam(required = false) Complaint.Status status,
                         Paging paging) {
        return complaints.list(me, status, paging.page(), paging.size());
    }

    @GetMapping("/{id}/evidence/{n}")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable int n, @AuthenticationPrincipal Official me) {
        Complaints.Download download = complaints.file(me, id, n);
        return Attachments.download(download.file().name(), download.file().type(), download.content());
    }

    /**
     * The routed authority's step: {@code {"decision":"ASK_STATEMENT"}}, or {@code {"decision":"SUBSTANTIATED",
     * "reasons":"…"}} / {@code NOT_SUBSTANTIATED}.
     */
    record InvestigationBody(String decision, @Size(max = 4000) String reasons) {
    }

    @PostMapping("/{id}/investigation")
    Complaint investigate(@PathVariable String id, @Valid @RequestBody InvestigationBody body,
                          @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> complaints.investigate(me, id, body.decision(), body.reasons()));
    }

    /** The respondent's written statement. */
    record StatementBody(@Size(max = 4000) String statement) {
    }

    @PostMapping("/{id}/statement")
    Complaint statement(@PathVariable String id, @Valid @RequestBody StatementBody body,
                        @AuthenticationPrincipal Official me) {
        return complaints.giveStatement(me, id, body.statement());
    }

    @PostMapping("/{id}/withdrawal")
    Complaint withdraw(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return complaints.withdraw(me, id);
    }
}
