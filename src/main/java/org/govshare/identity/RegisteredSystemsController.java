package org.govshare.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.govshare.identity.RegisteredSystem.Status;
import org.govshare.identity.RegisteredSystems.IssuedCredential;
import org.govshare.platform.web.Paging;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's registered systems, kept by its officials. Systems themselves never reach these endpoints (see
 * the allow-list in {@code SecurityConfiguration}), so the caller here is always an official.
 */
@RestController
@RequestMapping("/api/systems")
class RegisteredSystemsController {

    private final RegisteredSystems systems;

    RegisteredSystemsController(RegisteredSystems systems) {
        this.systems = systems;
    }

    /**
     * @param name what the department calls the system, at most 100 characters
     * @param contact who answers for it: person, phone, e-mail, in words, at most 200 characters
     */
    record NewSystem(String name, String contact) {
    }

    /** A system with the secret just issued to it: the only answer that ever carries the secret. */
    record Credential(String clientId, String name, String contact, String department, Status status,
                      String createdBy, Instant createdAt, Instant secretIssuedAt, String clientSecret) {

        static Credential of(IssuedCredential issued) {
            RegisteredSystem s = issued.system();
            return new Credential(s.clientId(), s.name(), s.contact(), s.department(), s.status(), s.createdBy(),
                    s.createdAt(), s.secretIssuedAt(), issued.clientSecret());
        }

        @Override
        public String toString() {
            return "Credential[" + clientId + ", secret hidden]";
        }
    }

    record Revocation(String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Credential> register(@RequestBody NewSystem system, @AuthenticationPrincipal Official me) {
        IssuedCredential issued = systems.register(me, system.name(), system.contact());
        return issued(ResponseEntity.created(URI.create("/api/systems/" + issued.system().clientId())), issued);
    }

    @GetMapping
    List<RegisteredSystem> systems(@RequestParam(required = false) String department, @AuthenticationPrincipal Official me,
                                   Paging paging) {
        return systems.systemsOf(me, department == null ? me.department() : department, paging.page(), paging.size());
    }

    @GetMapping("/{clientId}")
    RegisteredSystem system(@PathVariable String clientId, @AuthenticationPrincipal Official me) {
        return systems.systemFor(me, clientId);
    }

    @PostMapping("/{clientId}/rotation")
    ResponseEntity<Credential> rotate(@PathVariable String clientId, @AuthenticationPrincipal Official me) {
        return issued(ResponseEntity.ok(), systems.rotate(me, clientId));
    }

    @PostMapping("/{clientId}/revocation")
    RegisteredSystem revoke(@PathVariable String clientId, @RequestBody Revocation revocation,
                            @AuthenticationPrincipal Official me) {
        return systems.revoke(me, clientId, revocation.reason());
    }

    /** The secret is for the caller only: no cache along the way may keep the answer (as RFC 6749 5.1 asks of tokens). */
    private static ResponseEntity<Credential> issued(ResponseEntity.BodyBuilder answer, IssuedCredential issued) {
        return answer.cacheControl(CacheControl.noStore()).body(Credential.of(issued));
    }
}
