package org.govshare.evidence;

import org.govshare.identity.Official;
import org.govshare.platform.web.Attachments;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Evidence packages over HTTP: a ZIP to keep, hand on and check offline with {@code java -jar govshare.jar verify}. */
@RestController
class EvidenceController {

    private static final String ZIP = "application/zip";

    private final EvidencePackages packages;

    EvidenceController(EvidencePackages packages) {
        this.packages = packages;
    }

    @GetMapping("/api/cases/{number}/evidence")
    ResponseEntity<byte[]> ofCase(@PathVariable String number, @AuthenticationPrincipal Official me) {
        return download(packages.ofCase(me, number));
    }

    /** @param eventId the id of the read's {@code DATA_ACCESSED} audit event */
    @GetMapping("/api/data-accesses/{eventId}/evidence")
    ResponseEntity<byte[]> ofDataAccess(@PathVariable String eventId, @AuthenticationPrincipal Official me) {
        return download(packages.ofDataAccess(me, eventId));
    }

    private static ResponseEntity<byte[]> download(EvidencePackages.Made made) {
        return Attachments.download(made.fileName(), ZIP, made.zip());
    }
}
