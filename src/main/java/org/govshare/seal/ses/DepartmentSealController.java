package org.govshare.seal.ses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.govshare.identity.Official;
import org.govshare.seal.SealAlgorithm;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department seals: their list for any official, each picture for anyone (the verification page shows it), and
 * revocation by the sharing authority.
 */
@RestController
class DepartmentSealController {

    private final DepartmentSeals seals;
    private final Clock clock;

    DepartmentSealController(DepartmentSeals seals, Clock clock) {
        this.seals = seals;
        this.clock = clock;
    }

    /** A seal as listed: what it is, whose, how long it holds and whether it still does. */
    record Listed(String esId, String department, SealAlgorithm algorithm, String certificateSerial, Instant validStart,
                  Instant validEnd, Instant madeAt, DepartmentSeal.Status status, Instant revokedAt, String revokedBy,
                  String revocationReason, String picture) {

        static Listed of(DepartmentSeal s, Instant now) {
            return new Listed(s.esId(), s.department(), s.algorithm(), s.certificateSerial(), s.validStart(), s.validEnd(),
                    s.madeAt(), s.status(now), s.revokedAt(), s.revokedBy(), s.revocationReason(),
                    "/api/seals/department-seals/" + s.esId() + "/picture");
        }
    }

    /** A revocation's body: {@code {"reason": "..."}}, required. */
    record Revocation(String reason) {
    }

    @GetMapping("/api/seals/department-seals")
    List<Listed> list() {
        Instant now = clock.instant();
        return seals.all().stream().map(s -> Listed.of(s, now)).toList();
    }

    /** The picture the seal itself carries, so it is the one its maker signed. */
    @GetMapping("/api/seals/department-seals/{esId}/picture")
    ResponseEntity<byte[]> picture(@PathVariable String esId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(seals.require(esId).seal().sealInfo().picture().data());
    }

    @PostMapping("/api/seals/department-seals/{esId}/revoke")
    Listed revoke(@PathVariable String esId, @RequestBody(required = false) Revocation body,
                  @AuthenticationPrincipal Official me) {
        return Listed.of(seals.revoke(me, esId, body == null ? null : body.reason()), clock.instant());
    }
}
