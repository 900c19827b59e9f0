package org.govshare.grant;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.platform.web.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grants as their consumer, their provider and the authority see them; revocation. */
@RestController
@RequestMapping("/api/grants")
class GrantController {

    private final Grants grants;

    GrantController(Grants grants) {
        this.grants = grants;
    }

    @GetMapping
    List<Grant> list(@AuthenticationPrincipal Caller me, @RequestParam(required = false) String side,
                     @RequestParam(required = false) Grant.Status status,
                     Paging paging) {
        return grants.list(me, side, status, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    Grant grant(@PathVariable String id, @AuthenticationPrincipal Caller me) {
        return grants.visibleTo(me, id);
    }

    record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }

    record PurposeMet(@NotBlank @Size(max = 2000) String note) {
    }

    /** The holder says the purpose is met, ending the grant (national Art. 27; 409 step-off when the pack leaves it off). */
    @PostMapping("/{id}/purpose-met")
    Grant purposeMet(@PathVariable String id, @Valid @RequestBody PurposeMet declared, @AuthenticationPrincipal Official me) {
        return grants.declarePurposeMet(me, id, declared.note().strip());
    }

    @PostMapping("/{id}/revocation")
    Grant revoke(@PathVariable String id, @Valid @RequestBody Revocation revocation, @AuthenticationPrincipal Official me) {
        return grants.revoke(me, id, revocation.reason());
    }
}
