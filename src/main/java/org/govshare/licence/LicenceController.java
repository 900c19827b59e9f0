package org.govshare.licence;

import java.util.List;
import java.util.Map;

import org.govshare.identity.Caller;
import org.govshare.platform.web.Attachments;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Electronic certificates (电子证照): issuing, revoking, reading and the public status (docs/licences.md). */
@RestController
class LicenceController {

    private final Licences licences;

    LicenceController(Licences licences) {
        this.licences = licences;
    }

    @PostMapping("/api/licences")
    @ResponseStatus(HttpStatus.CREATED)
    Licence issue(@RequestBody NewLicence request, @AuthenticationPrincipal Caller me) {
        return licences.issue(me, request);
    }

    @GetMapping("/api/licences")
    List<Licence> list(@RequestParam(required = false) String resource, Paging paging, @AuthenticationPrincipal Caller me) {
        return licences.list(me, resource, paging);
    }

    /** Public, no login: whether a number is a licence the platform issued, and whether it is still valid. */
    @GetMapping("/api/licences/{number}/status")
    LicenceStatus status(@PathVariable String number) {
        return licences.status(number);
    }

    @GetMapping("/api/licences/{number}")
    Map<String, Object> read(@PathVariable String number, @AuthenticationPrincipal Caller me) {
        return licences.read(me, number);
    }

    @GetMapping("/api/licences/{number}/document")
    ResponseEntity<byte[]> document(@PathVariable String number, @AuthenticationPrincipal Caller me) {
        return Attachments.download(number + ".zip", "application/zip", licences.documentZip(me, number));
    }

    @GetMapping("/api/licences/{number}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number, @AuthenticationPrincipal Caller me) {
        return Attachments.download(number + ".pdf", "application/pdf", licences.pdf(me, number));
    }

    /** {@code {"reason": "…"}} */
    record Revocation(String reason) {
    }

    @PostMapping("/api/licences/{number}/revoke")
    Licence revoke(@PathVariable String number, @RequestBody Revocation revocation, @AuthenticationPrincipal Caller me) {
        return licences.revoke(me, number, revocation.reason());
    }
}
