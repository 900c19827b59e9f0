package org.govshare.disposal;

import java.io.IOException;

import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.Attachments;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Disposal of an ended grant's data (national Art. 27): the provider states its requirements while the grant runs; the
 * holder attests, as JSON or as multipart with the attestation in the part {@code attestation} and a proof in
 * {@code file}; holder, provider and authority read it.
 */
@RestController
@RequestMapping("/api/grants/{grantId}")
class DisposalController {

    private final GrantDisposals disposals;

    DisposalController(GrantDisposals disposals) {
        this.disposals = disposals;
    }

    record Requirements(String requirements) {
    }

    /** {@code doneAt} is the day it was done, {@code YYYY-MM-DD}. */
    record Attestation(String method, String doneAt, String note) {
    }

    @PutMapping("/disposal-requirements")
    Requirements state(@PathVariable String grantId, @RequestBody Requirements requirements,
                       @AuthenticationPrincipal Official me) {
        return new Requirements(disposals.stateRequirements(me, grantId, requirements.requirements()));
    }

    @GetMapping("/disposal")
    Disposal disposal(@PathVariable String grantId, @AuthenticationPrincipal Caller me) {
        return disposals.seenBy(me, grantId);
    }

    @PostMapping(path = "/disposal", consumes = MediaType.APPLICATION_JSON_VALUE)
    Disposal attest(@PathVariable String grantId, @RequestBody Attestation attestation, @AuthenticationPrincipal Official me) {
        return disposals.attest(me, grantId, attestation.method(), attestation.doneAt(), attestation.note(), null);
    }

    @PostMapping(path = "/disposal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Disposal attestWithProof(@PathVariable String grantId, @RequestPart("attestation") Attestation attestation,
                             @RequestPart(name = "file", required = false) MultipartFile file,
                             @AuthenticationPrincipal Official me) throws IOException {
        EvidenceFile proof = file == null ? null
                : new EvidenceFile(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return disposals.attest(me, grantId, attestation.method(), attestation.doneAt(), attestation.note(), proof);
    }

    @GetMapping("/disposal/file")
    ResponseEntity<byte[]> proof(@PathVariable String grantId, @AuthenticationPrincipal Caller me) {
        Disposal disposal = disposals.seenBy(me, grantId);
        return Attachments.download(disposal.file(), disposal.fileType(), disposals.proof(me, grantId));
    }
}
