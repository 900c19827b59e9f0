package org.govshare.supervision;

import java.net.URI;
import java.util.List;

import org.govshare.identity.Official;
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

/** The violation register as each official may see it; the authority records violations and orders them rectified. */
@RestController
class ViolationController {

    private final ViolationRegister register;
    private final Rectifications rectifications;

    ViolationController(ViolationRegister register, Rectifications rectifications) {
        this.register = register;
        this.rectifications = rectifications;
    }

    @GetMapping("/api/violations")
    List<Violation> violations(@AuthenticationPrincipal Official me, @RequestParam(required = false) String department,
                               Paging paging) {
        return register.visibleTo(me, department, paging.page(), paging.size());
    }

    @PostMapping("/api/violations")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Violation> record(@RequestBody NewViolation violation, @AuthenticationPrincipal Official me) {
        Violation recorded = register.recordManual(me, violation);
        return ResponseEntity.created(URI.create("/api/violations/" + recorded.id())).body(recorded);
    }

    @PostMapping("/api/violations/{id}/rectification")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Rectification> rectify(@PathVariable String id, @AuthenticationPrincipal Official me) {
        Rectification started = rectifications.start(me, id);
        return ResponseEntity.created(URI.create("/api/rectifications/" + started.id())).body(started);
    }
}
